import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import { codePointLabel } from '@lynxprompt/scanning';

/**
 * Characters a name shown to other people must not hold: they are invisible or reorder the text around them, so
 * "paypal" and "pay\u200Bpal" look alike, and U+202E makes "txt.exe" read "exe.txt". That is Unicode's default
 * ignorable set (zero-width characters and joiners, bidi marks, embeddings, overrides and isolates, word joiner,
 * BOM, Hangul fillers, tag characters, invisible operators), controls, and line and paragraph separators.
 * Variation selectors U+FE00–FE0F stay allowed: emoji such as ❤️ need them and they change no letter.
 * Stricter than the content scanner (scanning/invisible-characters.ts), which must allow joiners inside words of
 * running text; a name is short and is compared by eye.
 */
const INVISIBLE_IN_NAME = /(?![\uFE00-\uFE0F])[\p{Default_Ignorable_Code_Point}\p{Cc}\u2028\u2029\uFFF9-\uFFFB]/u;

/** The first character of `value` that a visible name may not hold, or undefined. */
export function firstInvisibleCharacter(value: string): string | undefined {
  return INVISIBLE_IN_NAME.exec(value)?.[0];
}

/**
 * A name that arrived from elsewhere (a provider profile, an imported file's frontmatter), made displayable instead
 * of refused: NFC, with every invisible or bidi character removed.
 */
export function toVisibleName(value: string): string {
  return value.normalize('NFC').replace(new RegExp(INVISIBLE_IN_NAME.source, 'gu'), '');
}

const toNfc = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.normalize('NFC') : value);

/**
 * For every DTO field that names something other people see (display names, handles, blueprint, hierarchy, token
 * and passkey names): the value is normalised to NFC before any other check, so uniqueness, slugs and comparisons
 * see one spelling, and invisible or bidi characters are refused with a VALIDATION_FAILED field error that names the
 * rule and the character. Put it above @IsString and the length checks (class-transformer runs it first anyway).
 */
export function VisibleName(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(toNfc),
    ValidateBy(
      {
        name: 'visibleName',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || firstInvisibleCharacter(value) === undefined,
          defaultMessage: (args) => {
            const value = args?.value;
            const character = typeof value === 'string' ? firstInvisibleCharacter(value) : undefined;
            return (
              `${args?.property ?? 'name'} must not contain invisible or text-direction characters` +
              (character ? ` (found ${codePointLabel(character)})` : '')
            );
          },
        },
      },
      options,
    ),
  ) as PropertyDecorator;
}

/** As INVISIBLE_IN_NAME, but line feeds are allowed: running text shown to others (a profile's bio) has lines. */
const INVISIBLE_IN_TEXT = /(?![\uFE00-\uFE0F\n])[\p{Default_Ignorable_Code_Point}\p{Cc}\u2028\u2029\uFFF9-\uFFFB]/u;

/**
 * For a short text other people see (a bio): NFC with CRLF read as LF, and, like VisibleName, invisible or bidi
 * characters refused with a VALIDATION_FAILED field error naming the character. Line feeds are allowed.
 */
export function VisibleText(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n') : value,
    ),
    ValidateBy(
      {
        name: 'visibleText',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || !INVISIBLE_IN_TEXT.test(value),
          defaultMessage: (args) => {
            const value = args?.value;
            const character = typeof value === 'string' ? INVISIBLE_IN_TEXT.exec(value)?.[0] : undefined;
            return (
              `${args?.property ?? 'text'} must not contain invisible or text-direction characters` +
              (character ? ` (found ${codePointLabel(character)})` : '')
            );
          },
        },
      },
      options,
    ),
  ) as PropertyDecorator;
}

/**
 * A required-looking name field: a visible name (above) that is a string of 1 to `maxLength` characters and not only
 * white space. Combine with @IsOptional() where the field may be left out.
 */
export function NonBlankName(maxLength: number): PropertyDecorator {
  // In the order stacked decorators apply (bottom first), so field errors list as they did when written out.
  return applyDecorators(
    Matches(/\S/, { message: 'name must not be blank' }),
    Length(1, maxLength),
    IsString(),
    VisibleName(),
  ) as PropertyDecorator;
}
