import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { firstInvisibleCharacter, toVisibleName, VisibleName, VisibleText } from './visible-name';

class Named {
  @VisibleName()
  @IsString()
  name: string;
}

function check(name: string) {
  const instance = plainToInstance(Named, { name });
  return {
    value: instance.name,
    errors: validateSync(instance).flatMap((error) => Object.values(error.constraints ?? {})),
  };
}

describe('VisibleName', () => {
  it.each([
    ['ARABIC LETTER MARK', '\u061C'],
    ['LEFT-TO-RIGHT MARK', '\u200E'],
    ['RIGHT-TO-LEFT MARK', '\u200F'],
    ['LEFT-TO-RIGHT EMBEDDING', '\u202A'],
    ['RIGHT-TO-LEFT EMBEDDING', '\u202B'],
    ['POP DIRECTIONAL FORMATTING', '\u202C'],
    ['LEFT-TO-RIGHT OVERRIDE', '\u202D'],
    ['RIGHT-TO-LEFT OVERRIDE', '\u202E'],
    ['LEFT-TO-RIGHT ISOLATE', '\u2066'],
    ['RIGHT-TO-LEFT ISOLATE', '\u2067'],
    ['FIRST STRONG ISOLATE', '\u2068'],
    ['POP DIRECTIONAL ISOLATE', '\u2069'],
    ['ZERO WIDTH SPACE', '\u200B'],
    ['ZERO WIDTH NON-JOINER', '\u200C'],
    ['ZERO WIDTH JOINER', '\u200D'],
    ['WORD JOINER', '\u2060'],
    ['ZERO WIDTH NO-BREAK SPACE (BOM)', '\uFEFF'],
    ['SOFT HYPHEN', '\u00AD'],
    ['COMBINING GRAPHEME JOINER', '\u034F'],
    ['MONGOLIAN VOWEL SEPARATOR', '\u180E'],
    ['INVISIBLE SEPARATOR', '\u2063'],
    ['HANGUL FILLER', '\u3164'],
    ['a TAG character', '\u{E0041}'],
    ['a supplementary variation selector', '\u{E0100}'],
    ['a newline', '\n'],
    ['a tab', '\t'],
    ['LINE SEPARATOR', '\u2028'],
    ['INTERLINEAR ANNOTATION ANCHOR', '\uFFF9'],
  ])('refuses %s, naming the rule and the character', (_label, character) => {
    const { errors } = check(`pay${character}pal`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^name must not contain invisible or text-direction characters \(found <U\+[0-9A-F]{4,5}>\)$/,
    );
    expect(errors[0]).toContain(`U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  });

  it.each(['Ada Lovelace', 'Zoë', '日本語のルール', 'مرحبا', '❤️ rules', 'C# / .NET', 'acme/monorepo'])(
    'accepts %j',
    (name) => {
      expect(check(name).errors).toEqual([]);
    },
  );

  it('normalises to NFC before the check, so one name has one spelling', () => {
    const decomposed = 'Cafe\u0301 rules';
    const { value, errors } = check(decomposed);
    expect(errors).toEqual([]);
    expect(value).toBe('Caf\u00e9 rules');
    expect(value).not.toBe(decomposed);
  });

  it('leaves non-strings to the type check', () => {
    expect(check(42 as unknown as string).errors).toEqual(['name must be a string']);
  });
});

describe('toVisibleName', () => {
  it('drops invisible and bidi characters and normalises to NFC', () => {
    expect(toVisibleName('Eve\u202Egnp.exe')).toBe('Evegnp.exe');
    expect(toVisibleName('pa\u200By\u2066pal\uFEFF')).toBe('paypal');
    expect(toVisibleName('Cafe\u0301')).toBe('Caf\u00e9');
    expect(firstInvisibleCharacter(toVisibleName('a\u200D\u200Cb'))).toBeUndefined();
  });
});

class Described {
  @VisibleText()
  @IsString()
  bio: string;
}

describe('VisibleText', () => {
  function checkText(bio: string) {
    const instance = plainToInstance(Described, { bio });
    return {
      value: instance.bio,
      errors: validateSync(instance).flatMap((error) => Object.values(error.constraints ?? {})),
    };
  }

  it('keeps lines (CRLF read as LF) and emoji with their variation selector', () => {
    expect(checkText('Rust and TypeScript.\r\nI ❤️ linters.')).toEqual({
      value: 'Rust and TypeScript.\nI ❤️ linters.',
      errors: [],
    });
  });

  it.each([
    ['RIGHT-TO-LEFT OVERRIDE', '\u202E'],
    ['ZERO WIDTH SPACE', '\u200B'],
    ['TAG LATIN SMALL LETTER A', '\u{E0061}'],
    ['a tab', '\t'],
    ['PARAGRAPH SEPARATOR', '\u2029'],
  ])('refuses %s', (_label, character) => {
    const { errors } = checkText(`hello${character}world`);
    expect(errors).toEqual([expect.stringMatching(/^bio must not contain invisible or text-direction characters/)]);
  });
});
