import {
  clip,
  escapeMarkdown,
  escapeTableCell,
  gateProse,
  inlineCode,
  neutraliseMentions,
  revealInvisible,
  safeMarkdown
} from '../../../src/report/render/escape.js';

describe('escapeMarkdown', () => {
  it('turns HTML into text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('a & b &amp;')).toBe('a &amp; b &amp;amp;');
  });

  it('escapes markup, links and emphasis', () => {
    expect(escapeMarkdown('[click](http://x) *b* _i_ `c` ~s~ ![i](y) \\')).toBe(
      '\\[click\\]\\(http://x\\) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\!\\[i\\]\\(y\\) \\\\'
    );
  });

  it('cannot start a block', () => {
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
    expect(escapeMarkdown('org/model-v1.2')).toBe('org/model-v1.2'); // inner - and . stay readable
  });

  it('keeps line breaks inside the element as <br>', () => {
    expect(escapeMarkdown('a\n\n# b\r\nc')).toBe('a<br><br>\\# b<br>c');
  });

  it('writes pipes as an entity that no table parser splits on', () => {
    expect(escapeMarkdown('a|b\\|c')).toBe('a&#124;b\\\\&#124;c');
  });

  it('reveals bidi overrides and control characters', () => {
    expect(escapeMarkdown('evil\u202Etxt.exe\u0007')).toBe('evil&lt;U+202E&gt;txt.exe&lt;U+0007&gt;');
    expect(revealInvisible('a\u2066b\uFEFF')).toBe('a<U+2066>b<U+FEFF>');
  });
});

describe('escapeTableCell', () => {
  it('escapes pipes, including inside code spans, and keeps the row on one line', () => {
    expect(escapeTableCell('`a|b` c|d\ne')).toBe('`a\\|b` c\\|d<br>e');
  });
});

describe('neutraliseMentions', () => {
  it('breaks user, team and everyone mentions with a zero-width space', () => {
    expect(neutraliseMentions('hi @octocat, @org/team and @everyone')).toBe(
      'hi @\u200Boctocat, @\u200Borg/team and @\u200Beveryone'
    );
  });

  it('leaves a lone @ alone', () => {
    expect(neutraliseMentions('a @ b')).toBe('a @ b');
  });

  it('safeMarkdown escapes and neutralises', () => {
    expect(safeMarkdown('@x <b>')).toBe('@\u200Bx &lt;b&gt;');
  });
});

describe('inlineCode', () => {
  it('uses one backtick when there are none inside', () => {
    expect(inlineCode('org/model')).toBe('`org/model`');
  });

  it('uses a fence longer than any run of backticks inside', () => {
    expect(inlineCode('a ``` b ` c')).toBe('````a ``` b ` c````');
    expect(inlineCode('a`b')).toBe('``a`b``');
  });

  it('pads when the content starts or ends with a backtick or space', () => {
    expect(inlineCode('`x')).toBe('`` `x ``');
    expect(inlineCode('x`')).toBe('`` x` ``');
    expect(inlineCode(' x ')).toBe('`  x  `');
  });

  it('keeps the span on one line and never empty', () => {
    expect(inlineCode('a\n\nb')).toBe('`a  b`');
    expect(inlineCode('')).toBe('` `');
  });

  it('leaves HTML as code text (code spans are not parsed)', () => {
    expect(inlineCode('<img src=x>')).toBe('`<img src=x>`');
  });
});

describe('clip', () => {
  it('shortens with an ellipsis and never splits a surrogate pair', () => {
    expect(clip('abcdef', 10)).toBe('abcdef');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
  });
});

describe('gateProse', () => {
  const own = (url: string) => url === 'https://www.llama.com/llama3_1/license/';

  it("keeps the gate's code spans as code and its own URLs as whole links", () => {
    expect(gateProse('Set `attribution.text` in a_b. Source: https://www.llama.com/llama3_1/license/', own)).toBe(
      'Set `attribution.text` in a\\_b. Source: <https://www.llama.com/llama3_1/license/>'
    );
  });

  it('shows a URL the gate does not vouch for as inert code, never a link or an escaped URL', () => {
    expect(gateProse('see https://evil.example/a_b.', own)).toBe('see `https://evil.example/a_b`.');
    expect(gateProse('see https://www.llama.com/llama3_1/license/')).toBe(
      'see `https://www.llama.com/llama3_1/license/`'
    );
  });

  it('escapes PR text around the code spans; PR text inside one is verbatim code', () => {
    expect(gateProse('`<img src=x>` in [x](javascript:alert(1)) @everyone')).toBe(
      '`<img src=x>` in \\[x\\]\\(javascript:alert\\(1\\)\\) @\u200Beveryone'
    );
    expect(gateProse('one ` unpaired')).toBe('one \\` unpaired');
    expect(gateProse('a ``b`` c')).toBe('a \\``b`\\` c');
  });
});
