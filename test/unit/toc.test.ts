import { describe, expect, it } from 'vitest';
import { tableOfContents } from '../../src/utils/toc';

const headings = [
  { depth: 2, slug: 'before-you-go', text: 'Before you go' },
  { depth: 3, slug: 'documents', text: 'Documents' },
  { depth: 2, slug: 'on-the-way', text: 'On the way' },
  { depth: 2, slug: 'when-you-arrive', text: 'When you arrive' },
];

describe('a table of contents', () => {
  it('lists the sections of a long page', () => {
    expect(tableOfContents(headings, 'x'.repeat(2500)).map((h) => h.text)).toEqual(['Before you go', 'On the way', 'When you arrive']);
  });

  it('is left out on a short page or one with fewer than three sections', () => {
    expect(tableOfContents(headings, 'x'.repeat(1000))).toEqual([]);
    expect(tableOfContents(headings.slice(0, 3), 'x'.repeat(2500))).toEqual([]);
  });
});
