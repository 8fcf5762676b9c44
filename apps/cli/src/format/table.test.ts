import { expect, it } from 'vitest';
import { renderTable } from './table.ts';

it('pads columns, right-aligns where asked and trims trailing spaces', () => {
  const lines = renderTable(
    ['Name', 'Km'],
    [
      ['easy', '8.0'],
      ['long run', '24.5'],
    ],
    ['left', 'right'],
  );
  expect(lines).toEqual(['Name        Km', '--------  ----', 'easy       8.0', 'long run  24.5']);
});
