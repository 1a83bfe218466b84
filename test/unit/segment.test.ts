import { describe, expect, it } from 'vitest';
import { spaceWords, spaceWordsInHtml, unspaceExcerpt } from '../../src/search/segment';

describe('word spacing for Thai and Khmer search', () => {
  it('spaces the words of unspaced Khmer and Thai text', () => {
    expect(spaceWords('ការជួញដូរមនុស្ស', 'km')).toBe('ការ ជួញដូរ មនុស្ស');
    expect(spaceWords('การค้ามนุษย์', 'th')).toBe('การ ค้า มนุษย์');
  });

  it('leaves other languages and other scripts as they are', () => {
    expect(spaceWords('safe migration', 'en')).toBe('safe migration');
    expect(spaceWords('IOM 2009', 'km')).toBe('IOM 2009');
  });

  it('spaces text inside HTML without touching tags or attributes', () => {
    expect(spaceWordsInHtml('<p title="การค้า">การค้ามนุษย์<b>เป็น</b></p>', 'th')).toBe(
      '<p title="การค้า"> การ ค้า มนุษย์ <b> เป็น </b></p>',
    );
  });

  it('takes the spaces out of an excerpt again, around highlighted words too', () => {
    expect(unspaceExcerpt('ไม่มี<mark>ใบ </mark><mark>อนุญาต </mark>จากรัฐ', 'th')).toBe(
      'ไม่มี<mark>ใบ</mark><mark>อนุญาต</mark>จากรัฐ',
    );
    expect(unspaceExcerpt(spaceWords('ការជួញដូរមនុស្ស', 'km'), 'km')).toBe('ការជួញដូរមនុស្ស');
    expect(unspaceExcerpt('a b', 'en')).toBe('a b');
  });
});
