import { describe, expect, it } from 'vitest';
import { matchesRespelling, nearQueries, nearSpellings } from '../../src/search/spelling';

describe('near spellings for a query that found nothing', () => {
  it('include the word with a letter doubled, dropped, two letters swapped or a vowel put back', () => {
    expect(nearSpellings('pasport')).toContain('passport');
    expect(nearSpellings('traficking')).toContain('trafficking');
    expect(nearSpellings('recruiter')).toContain('recriuter');
    expect(nearSpellings('passsport')).toContain('passport');
    expect(nearSpellings('recruter')).toContain('recruiter');
    expect(nearSpellings('пасорт')).not.toContain('пасaорт');
  });

  it('leave short words, digits and the word itself alone', () => {
    expect(nearSpellings('job')).toEqual([]);
    expect(nearSpellings('1288')).toEqual([]);
    expect(nearSpellings('visa')).not.toContain('visa');
  });

  it('respell one word of a query at a time', () => {
    const queries = nearQueries('boss took pasport');
    expect(queries).toContainEqual({ query: 'boss took passport', word: 'passport' });
    expect(queries.every(({ query }) => query.split(' ').length === 3)).toBe(true);
  });

  it('count only when the result marks the respelt word, not a short word Pagefind fell back to', () => {
    expect(matchesRespelling('Keep your <mark>passport</mark> with you.', 'passport')).toBe(true);
    expect(matchesRespelling('<mark>a</mark> job abroad', 'arecruter')).toBe(false);
  });
});
