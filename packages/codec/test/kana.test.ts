import { hiraganaToKatakana, normaliseKanaForMatch, toFullwidthKatakana, toHalfwidthKatakana } from '../src/index.js';

const HALF_VOICED = 'ｶﾞｷﾞｸﾞｹﾞｺﾞｻﾞｼﾞｽﾞｾﾞｿﾞﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟｳﾞ';
const FULL_VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ';

describe('toFullwidthKatakana', () => {
  it('turns half-width katakana into full-width, joining the separate ﾞ and ﾟ', () => {
    expect(toFullwidthKatakana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ タロウ');
    expect(toFullwidthKatakana('ﾊﾟｸ')).toBe('パク');
    expect(toFullwidthKatakana('ｳﾞｧｲｵﾘﾝ')).toBe('ヴァイオリン');
    expect(toFullwidthKatakana(HALF_VOICED)).toBe(FULL_VOICED);
  });

  it('turns every half-width katakana, small ones and the long-vowel mark included', () => {
    expect(toFullwidthKatakana('ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ')).toBe(
      'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン',
    );
    expect(toFullwidthKatakana('ｧｨｩｪｫｬｭｮｯｰ･')).toBe('ァィゥェォャュョッー・');
  });

  it('leaves full-width katakana as it is (NFKC does turn U+3000 into a plain space)', () => {
    expect(toFullwidthKatakana('ヤマダ\u3000タロウ')).toBe('ヤマダ タロウ');
    expect(toFullwidthKatakana(FULL_VOICED)).toBe(FULL_VOICED);
  });
});

describe('toHalfwidthKatakana', () => {
  it('writes full-width katakana as the old systems do, ﾞ and ﾟ as separate characters', () => {
    expect(toHalfwidthKatakana('ヤマダ\u3000タロウ')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(toHalfwidthKatakana('パク　ジュンペイ')).toBe('ﾊﾟｸ ｼﾞｭﾝﾍﾟｲ');
    expect(toHalfwidthKatakana(FULL_VOICED)).toBe(HALF_VOICED);
  });

  it('is undone by toFullwidthKatakana', () => {
    const all = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー';
    expect(toFullwidthKatakana(toHalfwidthKatakana(all + FULL_VOICED))).toBe(all + FULL_VOICED);
    expect(toFullwidthKatakana(toHalfwidthKatakana('ヴィヴァルディ'))).toBe('ヴィヴァルディ');
  });
});

describe('hiraganaToKatakana', () => {
  it('turns every hiragana into its katakana', () => {
    expect(
      hiraganaToKatakana(
        'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ',
      ),
    ).toBe(
      'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ',
    );
  });

  it('leaves everything else alone', () => {
    expect(hiraganaToKatakana('やまだ たろう')).toBe('ヤマダ タロウ');
    expect(hiraganaToKatakana('山田タロウ abc ー')).toBe('山田タロウ abc ー');
  });
});

describe('normaliseKanaForMatch', () => {
  it('gives one key for every way a reading is written', () => {
    const key = normaliseKanaForMatch('ヤマダ\u3000タロウ');
    expect(key).toBe('ヤマダタロウ');
    for (const form of ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ　たろう', 'やまだたろう', ' ヤマダタロウ ', 'ﾔﾏﾀﾞ\u3000\u3000ﾀﾛｳ', 'ヤマダ\tタロウ']) {
      expect(normaliseKanaForMatch(form)).toBe(key);
    }
  });

  it('reads small kana as large', () => {
    expect(normaliseKanaForMatch('ァィゥェォッャュョヮ')).toBe('アイウエオツヤユヨワ');
    expect(normaliseKanaForMatch('ぁぃぅぇぉっゃゅょゎ')).toBe('アイウエオツヤユヨワ');
    expect(normaliseKanaForMatch('ｧｨｩｪｫｯｬｭｮ')).toBe('アイウエオツヤユヨ');
    expect(normaliseKanaForMatch('キョウコ')).toBe(normaliseKanaForMatch('キヨウコ'));
  });

  it('drops the long-vowel mark and the dashes written for it', () => {
    for (const form of ['サトー', 'サト－', 'サト―', 'サト‐', 'サト-', 'ｻﾄｰ', 'さとー']) expect(normaliseKanaForMatch(form)).toBe('サト');
  });

  it('keeps ヴ, however it is written, apart from ブ', () => {
    for (const form of ['ヴ', 'ｳﾞ', 'ゔ']) expect(normaliseKanaForMatch(form)).toBe('ヴ');
    expect(normaliseKanaForMatch('ヴ')).not.toBe(normaliseKanaForMatch('ブ'));
  });

  it('keeps voicing apart: ヤマダ is not ヤマタ', () => {
    expect(normaliseKanaForMatch('ヤマダ')).not.toBe(normaliseKanaForMatch('ヤマタ'));
    expect(normaliseKanaForMatch('ハク')).not.toBe(normaliseKanaForMatch('パク'));
  });

  it('gives the empty key for nothing', () => {
    expect(normaliseKanaForMatch('')).toBe('');
    expect(normaliseKanaForMatch(' \u3000 ')).toBe('');
  });
});
