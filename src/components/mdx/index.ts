import Callout from './Callout.astro';
import GetHelpBox from './GetHelpBox.astro';
import Handout from './Handout.astro';
import Link from './Link.astro';
import Questions from './Questions.astro';
import QuickExitLimits from './QuickExitLimits.astro';
import SignsChecklist from './SignsChecklist.astro';
import Step from './Step.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';

/**
 * The components authors may use in pages, materials and campaigns, by the names they write in MDX,
 * and `a`, which renders every link in the text (so print can write its address out in full).
 */
export const mdxComponents = { Callout, GetHelpBox, Handout, Questions, QuickExitLimits, SignsChecklist, Step, Steps, Term, a: Link };
