import { LineIndex } from './text-positions';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rgh\n\n😀x';
  const lines = new LineIndex(text);

  it('maps offsets to 1-based lines and UTF-16 columns across \\n, \\r\\n and \\r', () => {
    const expectations: Array<[string, number, number]> = [
      ['a', 1, 1],
      ['d', 2, 2],
      ['e', 3, 1],
      ['h', 4, 2],
      ['x', 6, 3],
    ];
    for (const [char, line, column] of expectations) {
      expect(lines.position(text.indexOf(char))).toEqual({ line, column });
    }
    expect(lines.lineCount).toBe(6);
  });

  it('gives each line its bounds without the line break', () => {
    expect(text.slice(lines.lineBounds(text.indexOf('c')).start, lines.lineBounds(text.indexOf('c')).end)).toBe('cd');
    expect(lines.lineBounds(text.indexOf('\n\n') + 1)).toEqual({
      start: text.indexOf('\n\n') + 1,
      end: text.indexOf('\n\n') + 1,
    });
    expect(text.slice(lines.lineBounds(text.length).start)).toBe('😀x');
  });
});
