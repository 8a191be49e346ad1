import { csvCell, csvRow } from '../../src/csv.js';
import { formatRows } from '../../src/cli/format.js';
import { resultsCsv } from '../../src/fetch/report.js';

describe('the one CSV writer', () => {
  test('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvRow(['长兴县,湖州市', '他说"贷款"', '第一行\n第二行', 2900000])).toBe(
      '"长兴县,湖州市","他说""贷款""","第一行\n第二行",2900000\r\n',
    );
  });

  test('text a spreadsheet would run as a formula is prefixed; numbers are not', () => {
    expect(csvCell('=HYPERLINK("http://x","贷款")')).toBe(`"'=HYPERLINK(""http://x"",""贷款"")"`);
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-5%')).toBe("'-5%");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  test('the command line and the fetch report write through it', () => {
    const rows = [{ type: 'loan_amount', value: 2900000, evidence: '=贷款额度290万元' }];
    expect(formatRows(rows, ['type', 'value', 'evidence'], 'csv')).toBe("type,value,evidence\r\nloan_amount,2900000,'=贷款额度290万元\r\n");
    const report = resultsCsv([
      {
        url: 'http://example.test/a', status: 'failed', httpStatus: null, finalUrl: null, redirects: [], attempts: 1, bytes: 0,
        truncated: false, fetchedAt: null, elapsedMs: 3, reason: '=cmd|" /C calc"!A0',
      },
    ]);
    expect(report.split('\r\n')[1]).toBe(`http://example.test/a,failed,,,,1,0,false,,3,"'=cmd|"" /C calc""!A0"`);
  });
});
