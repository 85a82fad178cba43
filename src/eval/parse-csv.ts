/**
 * Parses CSV (RFC 4180: commas, double-quoted fields with `""` escapes and line breaks, CRLF or
 * LF) into one object per line keyed by the header line's names. Values stay text.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseRecords(text.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) return [];
  return records
    .filter((record) => !(record.length === 1 && record[0] === ''))
    .map((record, index) => {
      if (record.length !== header.length) {
        throw new Error(
          `CSV line ${index + 2} has ${record.length} fields; the header has ${header.length}`,
        );
      }
      return Object.fromEntries(header.map((name, i) => [name, record[i]!]));
    });
}

function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (quoted) throw new Error('a quoted CSV field is not closed');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
