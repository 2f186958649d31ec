import { describe, expect, it } from 'vitest';
import { decodeSourceUrl, encodeSourceUrl } from './source-url';

const URL_TEXT = 'https://blog.csdn.net/qq_41234567/article/details/142034981';

describe('decodeSourceUrl', () => {
  it('ignores colons wherever they stand, even inside a byte', () => {
    const hex = Buffer.from(URL_TEXT).toString('hex');
    const mangled = `${hex.slice(0, 3)}:${hex.slice(3, 20)}::${hex.slice(20, 41)}:${hex.slice(41)}`;
    expect(decodeSourceUrl(mangled)).toBe(URL_TEXT);
  });

  it('round-trips with encodeSourceUrl', () => {
    expect(decodeSourceUrl(encodeSourceUrl(URL_TEXT))).toBe(URL_TEXT);
  });

  it.each(['', 'zz:zz', '6874747:', Buffer.from('javascript:alert(1)').toString('hex'), 'ff'])('refuses %j', (text) => {
    expect(decodeSourceUrl(text)).toBeNull();
  });
});
