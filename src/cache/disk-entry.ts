import { crc32 } from 'node:zlib';

/** Names the layout of an entry file, so a future layout can tell old files apart. */
export const DISK_ENTRY_FORMAT = 'ot-cache-entry/1';

/** What reading an entry file gave: the stored value, another key's entry, or damage. */
export type DecodedDiskEntry =
  { kind: 'value'; value: string } | { kind: 'other-key' } | { kind: 'corrupt'; reason: string };

interface EntryHeader {
  format: string;
  key: string;
  length: number;
  crc32: number;
}

/**
 * Spells one entry file: a one-line JSON header (key, length, CRC-32 of the value), then the
 * value verbatim. The header is small, so reading an entry parses only the header; the value
 * (keyv's serialized string) is handed back untouched for keyv to deserialize once.
 */
export function encodeDiskEntry(key: string, value: string): string {
  const header: EntryHeader = {
    format: DISK_ENTRY_FORMAT,
    key,
    length: value.length,
    crc32: crc32(value),
  };
  return `${JSON.stringify(header)}\n${value}`;
}

/** Reads an entry file's text back; anything damaged is reported, never thrown. */
export function decodeDiskEntry(text: string, expectedKey: string): DecodedDiskEntry {
  const newline = text.indexOf('\n');
  if (newline < 0) return { kind: 'corrupt', reason: 'no header line' };
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, newline));
  } catch {
    return { kind: 'corrupt', reason: 'the header is not JSON' };
  }
  if (!isEntryHeader(header)) return { kind: 'corrupt', reason: 'the header is malformed' };
  if (header.format !== DISK_ENTRY_FORMAT) {
    return { kind: 'corrupt', reason: `unknown format ${JSON.stringify(header.format)}` };
  }
  // File names are hashes of keys; the stored key guards against a collision.
  if (header.key !== expectedKey) return { kind: 'other-key' };
  const value = text.slice(newline + 1);
  if (value.length !== header.length) {
    return {
      kind: 'corrupt',
      reason: `the value has ${value.length} characters, the header says ${header.length}`,
    };
  }
  if (crc32(value) !== header.crc32) return { kind: 'corrupt', reason: 'checksum mismatch' };
  return { kind: 'value', value };
}

function isEntryHeader(value: unknown): value is EntryHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    typeof header['format'] === 'string' &&
    typeof header['key'] === 'string' &&
    typeof header['length'] === 'number' &&
    typeof header['crc32'] === 'number'
  );
}
