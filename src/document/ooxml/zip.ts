/**
 * Safe zip reading and raw-preserving zip writing for .docx packages.
 *
 * The central directory is parsed here (not by fflate) so that every hostile shape is refused
 * before a single byte is inflated: truncated archives, too many entries, unsafe or duplicate
 * names, encrypted entries, unknown compression methods, overlapping entries and suspicious
 * compression ratios. Entries are inflated lazily with fflate's streaming `Inflate`, feeding small
 * chunks and counting output bytes, so a lying size field cannot make us allocate more than the
 * declared size (and never more than the archive-wide cap).
 *
 * Writing copies every untouched entry RAW (local header, compressed bytes and data descriptor
 * byte-identical to the original); only replaced entries are deflated anew. Entry order is kept.
 *
 * Browser-safe: Uint8Array, DataView, TextDecoder only.
 */
import { Inflate, deflateSync } from 'fflate';
import { DocumentError } from '../types';

export interface ZipLimits {
  /** Maximum number of entries (central directory records). */
  maxEntries: number;
  /** Maximum total uncompressed size of all entries, declared and actually inflated. */
  maxTotalUncompressed: number;
  /** Entries above this uncompressed size must have compressed/uncompressed >= minRatio. */
  ratioThresholdBytes: number;
  /** Minimum compressed/uncompressed ratio (Apache POI's default is 0.01). */
  minRatio: number;
  /** Maximum size of the archive itself. */
  maxArchiveBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalUncompressed: 256 * 1024 * 1024,
  ratioThresholdBytes: 100 * 1024,
  minRatio: 0.01,
  maxArchiveBytes: 200 * 1024 * 1024,
};

export interface ZipEntry {
  /** Entry name as decoded (UTF-8 when flag bit 11 is set, CP437 otherwise). */
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly modTime: number;
  readonly modDate: number;
  readonly internalAttr: number;
  readonly externalAttr: number;
  /** Offset of the local file header in the archive. */
  readonly localHeaderOffset: number;
  /** Offset of the compressed data. */
  readonly dataOffset: number;
  /** End of the entry's raw bytes (compressed data plus data descriptor, if any). */
  readonly rawEnd: number;
  /** The original central directory record, byte for byte. */
  readonly centralRecord: Uint8Array;
  /** True when the central record relies on ZIP64 extra fields. */
  readonly zip64: boolean;
  readonly isDirectory: boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;

/**
 * Compressed bytes fed to the inflater per step. It bounds the output burst of one step (deflate
 * expands at most ~1032:1, so ~8 MB) before the size check can stop a lying entry. Smaller steps
 * cost time: fflate's streaming inflater reallocates its window buffer on every step (1 KB steps
 * made reading the CCHC sample's document.xml ~2x slower).
 */
const INFLATE_CHUNK = 8192;

function notZip(detail: string): DocumentError {
  return new DocumentError('not-zip', 'Tệp không phải là tài liệu .docx hợp lệ (không đọc được cấu trúc zip).', detail);
}

function corrupt(name: string, detail: string): DocumentError {
  return new DocumentError(
    'corrupt',
    `Tệp .docx bị hỏng: không giải nén được mục "${name}" (dữ liệu nén không khớp với khai báo).`,
    detail,
  );
}

/** A local file header (or data descriptor) that says something else than the central directory. */
function headerMismatch(name: string, field: string): DocumentError {
  return new DocumentError(
    'corrupt',
    `Tệp .docx bị hỏng: phần đầu của mục "${name}" không khớp với danh mục của tệp zip (${field}).`,
    `local header of ${name} disagrees with the central directory: ${field}`,
  );
}

function zipBomb(detail: string): DocumentError {
  return new DocumentError(
    'zip-bomb',
    'Tệp bị từ chối vì có dấu hiệu "bom zip" (dữ liệu nén bung ra quá lớn so với kích thước tệp).',
    detail,
  );
}

// CP437 upper half, for entry names without the UTF-8 flag.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new DocumentError(
        'bad-entry-name',
        'Tệp .docx chứa mục có tên không hợp lệ (tên không phải UTF-8 đúng chuẩn).',
        'invalid UTF-8 entry name',
      );
    }
  }
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH.charAt(b - 0x80);
  return out;
}

/** Reason why an entry name is unsafe, or undefined when it is acceptable. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.includes('\0')) return 'NUL character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (name.split('/').some((seg) => seg === '..')) return 'parent directory segment';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CRC-32

/** Slice-by-8 tables: table k maps a byte to its CRC contribution k bytes further on. */
let crcTables: Int32Array | undefined;

function makeCrcTables(): Int32Array {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
}

export function crc32(data: Uint8Array, seed = 0): number {
  const t = (crcTables ??= makeCrcTables());
  let c = ~seed;
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + data[i + 4]!]! ^
      t[512 + data[i + 5]!]! ^
      t[256 + data[i + 6]!]! ^
      t[data[i + 7]!]!;
  }
  for (; i < n; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Zip64Values {
  uncompressedSize?: number;
  compressedSize?: number;
  localHeaderOffset?: number;
}

/** Parses the ZIP64 extended information extra field (0x0001) for the fields that need it. */
function readZip64Extra(
  view: DataView,
  start: number,
  end: number,
  need: { u: boolean; c: boolean; o: boolean },
): Zip64Values | undefined {
  let p = start;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    const body = p + 4;
    if (body + size > end) return undefined;
    if (id === 0x0001) {
      const out: Zip64Values = {};
      let q = body;
      const take = (): number | undefined => {
        if (q + 8 > body + size) return undefined;
        const v = view.getBigUint64(q, true);
        q += 8;
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
      };
      if (need.u) out.uncompressedSize = take();
      if (need.c) out.compressedSize = take();
      if (need.o) out.localHeaderOffset = take();
      return out;
    }
    p = body + size;
  }
  return undefined;
}

function hasZip64Extra(view: DataView, start: number, end: number): boolean {
  let p = start;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) return true;
    p += 4 + size;
  }
  return false;
}

/**
 * Inflates `compressed` only to count its output, stopping as soon as it passes `limit` bytes.
 * Returns the size, 'over' past the limit, or 'bad' for an invalid deflate stream.
 */
function probeInflate(compressed: Uint8Array, limit: number): number | 'over' | 'bad' {
  let produced = 0;
  const stop = new Error('over');
  const inflater = new Inflate((chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > limit) throw stop;
  });
  try {
    for (let off = 0; off < compressed.length; off += INFLATE_CHUNK) {
      const end = Math.min(off + INFLATE_CHUNK, compressed.length);
      inflater.push(compressed.subarray(off, end), end === compressed.length);
    }
  } catch (e) {
    return e === stop ? 'over' : 'bad';
  }
  return produced;
}

export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** The archive comment from the end of central directory record. */
  readonly comment: Uint8Array;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  private constructor(
    readonly bytes: Uint8Array,
    entries: ZipEntry[],
    comment: Uint8Array,
    private readonly limits: ZipLimits,
  ) {
    this.entries = entries;
    this.comment = comment;
    for (const e of entries) {
      this.byName.set(e.name, e);
      this.byLowerName.set(e.name.toLowerCase(), e);
    }
  }

  /** Parses and validates the central directory. Nothing is inflated. */
  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipArchive {
    const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
    if (bytes.length > lim.maxArchiveBytes) {
      throw new DocumentError(
        'too-large',
        `Tệp quá lớn (${Math.round(bytes.length / 1048576)} MB); giới hạn là ${Math.round(lim.maxArchiveBytes / 1048576)} MB.`,
        `archive size ${bytes.length}`,
      );
    }
    if (bytes.length < 22) throw notZip('shorter than an end of central directory record');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u16 = (p: number): number => view.getUint16(p, true);
    const u32 = (p: number): number => view.getUint32(p, true);

    // End of central directory: scan backwards over a possible comment (at most 65535 bytes).
    let eocd = -1;
    const minPos = Math.max(0, bytes.length - 22 - 0xffff);
    for (let p = bytes.length - 22; p >= minPos; p--) {
      if (bytes[p] === 0x50 && u32(p) === SIG_EOCD && p + 22 + u16(p + 20) <= bytes.length) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) throw notZip('end of central directory not found (not a zip or truncated)');

    const diskNo = u16(eocd + 4);
    const cdDisk = u16(eocd + 6);
    let entriesOnDisk = u16(eocd + 8);
    let entryCount = u16(eocd + 10);
    let cdSize = u32(eocd + 12);
    let cdOffset = u32(eocd + 16);
    const comment = bytes.slice(eocd + 22, eocd + 22 + u16(eocd + 20));
    let cdLimit = eocd;

    const needs64 = entryCount === 0xffff || entriesOnDisk === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
    if (needs64 || (eocd >= 20 && u32(eocd - 20) === SIG_EOCD64_LOCATOR)) {
      const loc = eocd - 20;
      if (loc < 0 || u32(loc) !== SIG_EOCD64_LOCATOR) {
        if (needs64) throw notZip('ZIP64 locator missing');
      } else {
        const rec64Big = view.getBigUint64(loc + 8, true);
        const rec64 = Number(rec64Big);
        if (rec64Big > BigInt(bytes.length) || rec64 + 56 > loc || u32(rec64) !== SIG_EOCD64) {
          throw notZip('bad ZIP64 end of central directory');
        }
        entriesOnDisk = Number(view.getBigUint64(rec64 + 24, true) > 0xffffffffn ? 0xffffffff : view.getBigUint64(rec64 + 24, true));
        entryCount = Number(view.getBigUint64(rec64 + 32, true) > 0xffffffffn ? 0xffffffff : view.getBigUint64(rec64 + 32, true));
        const size64 = view.getBigUint64(rec64 + 40, true);
        const off64 = view.getBigUint64(rec64 + 48, true);
        if (size64 > BigInt(bytes.length) || off64 > BigInt(bytes.length)) throw notZip('ZIP64 directory out of range');
        cdSize = Number(size64);
        cdOffset = Number(off64);
        cdLimit = rec64;
      }
    }
    if (diskNo !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) {
      throw new DocumentError('unsupported', 'Không hỗ trợ tệp zip chia nhiều phần (multi-disk).', 'multi-disk archive');
    }
    if (entryCount > lim.maxEntries) {
      throw new DocumentError(
        'too-many-entries',
        `Tệp .docx có quá nhiều mục (${entryCount}); giới hạn là ${lim.maxEntries}.`,
        `${entryCount} entries`,
      );
    }
    if (cdOffset + cdSize > cdLimit) throw notZip('central directory out of range (truncated?)');

    const entries: ZipEntry[] = [];
    const seen = new Set<string>();
    const seenLower = new Set<string>();
    let declaredTotal = 0;
    let p = cdOffset;
    const cdEnd = cdOffset + cdSize;
    while (p < cdEnd) {
      if (entries.length >= lim.maxEntries) {
        throw new DocumentError(
          'too-many-entries',
          `Tệp .docx có quá nhiều mục (hơn ${lim.maxEntries}).`,
          'central directory holds more records than allowed',
        );
      }
      if (p + 46 > cdEnd || u32(p) !== SIG_CENTRAL) throw notZip(`bad central directory record at ${p}`);
      const versionMadeBy = u16(p + 4);
      const versionNeeded = u16(p + 6);
      const flags = u16(p + 8);
      const method = u16(p + 10);
      const modTime = u16(p + 12);
      const modDate = u16(p + 14);
      const crc = u32(p + 16);
      let compressedSize = u32(p + 20);
      let uncompressedSize = u32(p + 24);
      const nameLen = u16(p + 28);
      const extraLen = u16(p + 30);
      const commentLen = u16(p + 32);
      const diskStart = u16(p + 34);
      const internalAttr = u16(p + 36);
      const externalAttr = u32(p + 38);
      let localHeaderOffset = u32(p + 42);
      const recEnd = p + 46 + nameLen + extraLen + commentLen;
      if (recEnd > cdEnd) throw notZip('central directory record runs past the directory');
      const nameBytes = bytes.slice(p + 46, p + 46 + nameLen);
      const name = decodeName(nameBytes, (flags & FLAG_UTF8) !== 0);

      const unsafe = unsafeNameReason(name);
      if (unsafe) {
        throw new DocumentError(
          'bad-entry-name',
          `Tệp .docx chứa mục có tên không an toàn: "${name.replace(/\0/g, '\\0')}".`,
          unsafe,
        );
      }
      const lower = name.toLowerCase();
      if (seen.has(name) || seenLower.has(lower)) {
        throw new DocumentError('duplicate-entry', `Tệp .docx chứa hai mục trùng tên: "${name}".`, name);
      }
      seen.add(name);
      seenLower.add(lower);

      let zip64 = false;
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        const v = readZip64Extra(view, p + 46 + nameLen, p + 46 + nameLen + extraLen, {
          u: uncompressedSize === 0xffffffff,
          c: compressedSize === 0xffffffff,
          o: localHeaderOffset === 0xffffffff,
        });
        if (!v) throw notZip(`missing ZIP64 extra field for ${name}`);
        zip64 = true;
        if (uncompressedSize === 0xffffffff) uncompressedSize = v.uncompressedSize ?? Number.MAX_SAFE_INTEGER;
        if (compressedSize === 0xffffffff) compressedSize = v.compressedSize ?? Number.MAX_SAFE_INTEGER;
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = v.localHeaderOffset ?? Number.MAX_SAFE_INTEGER;
      }
      if (diskStart !== 0 && diskStart !== 0xffff) {
        throw new DocumentError('unsupported', 'Không hỗ trợ tệp zip chia nhiều phần (multi-disk).', name);
      }
      if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
        throw new DocumentError(
          'unsupported',
          `Tệp .docx được mã hoá hoặc đặt mật khẩu (mục "${name}"); hãy gỡ mật khẩu rồi thử lại.`,
          `encrypted entry ${name}`,
        );
      }
      if (method !== 0 && method !== 8) {
        throw new DocumentError(
          'unsupported',
          `Tệp .docx dùng kiểu nén không được hỗ trợ (phương thức ${method}, mục "${name}").`,
          `compression method ${method}`,
        );
      }
      if (method === 0 && compressedSize !== uncompressedSize) {
        throw new DocumentError('corrupt', `Tệp .docx bị hỏng: kích thước của mục "${name}" không khớp nhau.`, `stored entry ${name} with different sizes`);
      }
      // Zip bomb checks on declared sizes, before the entry is read. A declared ratio beyond the
      // limit is either a bomb or a wrong size field: a bounded probe (output counted, not kept,
      // stopped at the ratio limit) tells them apart.
      if (uncompressedSize > lim.ratioThresholdBytes && compressedSize / uncompressedSize < lim.minRatio) {
        const lh = localHeaderOffset;
        const headerOk = lh + 30 <= bytes.length && u32(lh) === SIG_LOCAL;
        const dataStart = headerOk ? lh + 30 + u16(lh + 26) + u16(lh + 28) : bytes.length;
        const limit = Math.max(lim.ratioThresholdBytes, Math.ceil(compressedSize / lim.minRatio));
        const probed =
          method === 8 && headerOk && dataStart + compressedSize <= bytes.length
            ? probeInflate(bytes.subarray(dataStart, dataStart + compressedSize), limit)
            : 'over';
        if (probed === 'over') throw zipBomb(`entry ${name}: ${compressedSize} compressed for ${uncompressedSize} uncompressed`);
        throw new DocumentError(
          'corrupt',
          `Tệp .docx bị hỏng: kích thước ghi cho mục "${name}" (${uncompressedSize} byte) sai so với dữ liệu thật.`,
          `entry ${name}: declared ${uncompressedSize} uncompressed, inflates to ${probed === 'bad' ? 'invalid data' : probed}`,
        );
      }
      declaredTotal += uncompressedSize;
      if (declaredTotal > lim.maxTotalUncompressed) {
        throw zipBomb(`declared uncompressed total exceeds ${lim.maxTotalUncompressed}`);
      }

      // Local header.
      const lh = localHeaderOffset;
      if (lh + 30 > cdOffset || u32(lh) !== SIG_LOCAL) throw notZip(`bad local header for ${name}`);
      const lNameLen = u16(lh + 26);
      const lExtraLen = u16(lh + 28);
      const dataOffset = lh + 30 + lNameLen + lExtraLen;
      if (lNameLen !== nameLen) throw headerMismatch(name, 'tên mục');
      for (let i = 0; i < nameLen; i++) {
        if (bytes[lh + 30 + i] !== nameBytes[i]) throw headerMismatch(name, 'tên mục');
      }
      // The rest of the local header must agree too: a reader that trusts the local header
      // (most do when streaming) would otherwise see other data than we checked and copy.
      const lFlags = u16(lh + 6);
      if (u16(lh + 8) !== method) throw headerMismatch(name, 'phương thức nén');
      if ((lFlags ^ flags) & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_DATA_DESCRIPTOR)) throw headerMismatch(name, 'cờ');
      const lExtraStart = lh + 30 + lNameLen;
      if (dataOffset > cdOffset) throw notZip(`local header of ${name} runs past the central directory`);
      const lCrc = u32(lh + 14);
      let lCompressed = u32(lh + 18);
      let lUncompressed = u32(lh + 22);
      if (lCompressed === 0xffffffff || lUncompressed === 0xffffffff) {
        const v = readZip64Extra(view, lExtraStart, dataOffset, { u: lUncompressed === 0xffffffff, c: lCompressed === 0xffffffff, o: false });
        if (!v) throw headerMismatch(name, 'ZIP64');
        if (lUncompressed === 0xffffffff) lUncompressed = v.uncompressedSize ?? -1;
        if (lCompressed === 0xffffffff) lCompressed = v.compressedSize ?? -1;
      }
      // With a data descriptor, the local fields may be zero (written before the data); the
      // descriptor after the data then carries them.
      const deferred = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
      if (!(deferred && lCrc === 0) && lCrc !== crc) throw headerMismatch(name, 'CRC-32');
      if (!(deferred && lCompressed === 0) && lCompressed !== compressedSize) throw headerMismatch(name, 'kích thước nén');
      if (!(deferred && lUncompressed === 0) && lUncompressed !== uncompressedSize) throw headerMismatch(name, 'kích thước gốc');
      let rawEnd = dataOffset + compressedSize;
      if (rawEnd > cdOffset) throw notZip(`data of ${name} runs past the central directory (truncated?)`);
      if (deferred) {
        const local64 = zip64 || hasZip64Extra(view, lExtraStart, dataOffset);
        let q = rawEnd;
        if (q + 4 <= cdOffset && u32(q) === SIG_DATA_DESCRIPTOR && !(q + (local64 ? 24 : 16) > cdOffset)) q += 4;
        const size = local64 ? 20 : 12;
        if (q + size > cdOffset) throw notZip(`data descriptor of ${name} runs past the central directory`);
        const dCrc = u32(q);
        const dCompressed = local64 ? Number(view.getBigUint64(q + 4, true)) : u32(q + 4);
        const dUncompressed = local64 ? Number(view.getBigUint64(q + 12, true)) : u32(q + 8);
        if (dCrc !== crc) throw headerMismatch(name, 'CRC-32');
        if (dCompressed !== compressedSize) throw headerMismatch(name, 'kích thước nén');
        if (dUncompressed !== uncompressedSize) throw headerMismatch(name, 'kích thước gốc');
        rawEnd = q + size;
      }

      entries.push({
        name,
        nameBytes,
        method,
        flags,
        crc32: crc,
        compressedSize,
        uncompressedSize,
        versionMadeBy,
        versionNeeded,
        modTime,
        modDate,
        internalAttr,
        externalAttr,
        localHeaderOffset,
        dataOffset,
        rawEnd,
        centralRecord: bytes.subarray(p, recEnd),
        zip64,
        isDirectory: name.endsWith('/'),
      });
      p = recEnd;
    }
    if (entries.length !== entryCount) throw notZip(`central directory holds ${entries.length} records, EOCD says ${entryCount}`);

    // Overlapping entries (the "non-recursive zip bomb" trick) are refused.
    const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    for (let i = 1; i < byOffset.length; i++) {
      const prev = byOffset[i - 1]!;
      const cur = byOffset[i]!;
      if (cur.localHeaderOffset < prev.rawEnd) {
        throw zipBomb(`entries ${prev.name} and ${cur.name} overlap`);
      }
    }
    return new ZipArchive(bytes, entries, comment, lim);
  }

  /** Exact name lookup, falling back to a case-insensitive one (OPC part names ignore case). */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The entry's raw bytes: local header, compressed data and data descriptor. */
  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.localHeaderOffset, entry.rawEnd);
  }

  /** Inflates one entry, refusing output beyond its declared size or the archive-wide cap. */
  read(nameOrEntry: string | ZipEntry): Uint8Array {
    const entry = typeof nameOrEntry === 'string' ? this.get(nameOrEntry) : nameOrEntry;
    if (!entry) {
      throw new DocumentError('missing-part', `Tệp .docx thiếu thành phần "${String(nameOrEntry)}".`, String(nameOrEntry));
    }
    const compressed = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const declared = entry.uncompressedSize;
    const budget = this.limits.maxTotalUncompressed - this.inflatedTotal;
    if (declared > budget) throw zipBomb(`inflating ${entry.name} would exceed the total cap`);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = compressed.slice();
    } else if (compressed.length === 0) {
      if (declared !== 0) throw corrupt(entry.name, 'empty deflate stream for a non-empty entry');
      out = new Uint8Array(0);
    } else {
      out = new Uint8Array(declared);
      let written = 0;
      const inflater = new Inflate((chunk: Uint8Array) => {
        if (written + chunk.length > declared) throw this.overflow(entry, written + chunk.length);
        out.set(chunk, written);
        written += chunk.length;
      });
      try {
        for (let off = 0; off < compressed.length; off += INFLATE_CHUNK) {
          const end = Math.min(off + INFLATE_CHUNK, compressed.length);
          inflater.push(compressed.subarray(off, end), end === compressed.length);
        }
      } catch (e) {
        if (e instanceof DocumentError) throw e;
        throw corrupt(entry.name, `inflate failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (written !== declared) throw corrupt(entry.name, `inflated ${written} bytes, declared ${declared}`);
    }
    if (crc32(out) !== entry.crc32) throw corrupt(entry.name, 'CRC-32 mismatch');
    this.inflatedTotal += out.length;
    return out;
  }

  /**
   * An entry that inflates past its declared size. Nothing more is allocated either way; the
   * question is only what to call it. A size field that merely lies (the data compresses at an
   * ordinary ratio) is a damaged file; output beyond the bomb ratio from this little input is a
   * zip bomb that tried to hide behind a small declared size.
   */
  private overflow(entry: ZipEntry, produced: number): DocumentError {
    const bomb = produced > this.limits.ratioThresholdBytes && entry.compressedSize / produced < this.limits.minRatio;
    if (bomb) return zipBomb(`entry ${entry.name} inflates beyond its declared size ${entry.uncompressedSize}`);
    return new DocumentError(
      'corrupt',
      `Tệp .docx bị hỏng: mục "${entry.name}" giải nén ra nhiều hơn kích thước ghi trong tệp.`,
      `entry ${entry.name} inflates beyond its declared size ${entry.uncompressedSize} (size field wrong)`,
    );
  }

  /**
   * Writes a new archive: entries in their original order, each untouched entry copied raw,
   * each entry named in `replacements` deflated anew. Names in `replacements` that are not in the
   * archive are appended as new entries.
   */
  save(replacements: ReadonlyMap<string, Uint8Array> = new Map()): Uint8Array {
    const locals: Uint8Array[] = [];
    const centrals: Uint8Array[] = [];
    let offset = 0;
    const used = new Set<string>();
    for (const entry of this.entries) {
      const replacement = replacements.get(entry.name);
      if (replacement) {
        used.add(entry.name);
        const built = buildEntry(entry.nameBytes, replacement, offset, {
          flags: entry.flags & FLAG_UTF8,
          modTime: entry.modTime,
          modDate: entry.modDate,
          versionMadeBy: entry.versionMadeBy,
          internalAttr: entry.internalAttr,
          externalAttr: entry.externalAttr,
        });
        locals.push(built.local);
        centrals.push(built.central);
        offset += built.local.length;
      } else {
        const raw = this.raw(entry);
        locals.push(raw);
        centrals.push(relocatedCentralRecord(entry, offset));
        offset += raw.length;
      }
    }
    const now = dosDateTime(new Date());
    for (const [name, data] of replacements) {
      if (used.has(name) || this.byName.has(name)) continue;
      const nameBytes = new TextEncoder().encode(name);
      const built = buildEntry(nameBytes, data, offset, {
        flags: FLAG_UTF8,
        modTime: now.time,
        modDate: now.date,
        versionMadeBy: 20,
        internalAttr: 0,
        externalAttr: 0,
      });
      locals.push(built.local);
      centrals.push(built.central);
      offset += built.local.length;
    }
    return concatWithEocd(locals, centrals, offset, this.comment);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface EntryMeta {
  flags: number;
  modTime: number;
  modDate: number;
  versionMadeBy: number;
  internalAttr: number;
  externalAttr: number;
}

function buildEntry(
  nameBytes: Uint8Array,
  data: Uint8Array,
  offset: number,
  meta: EntryMeta,
): { local: Uint8Array; central: Uint8Array } {
  const compressed = deflateSync(data, { level: 6 });
  const crc = crc32(data);
  const local = new Uint8Array(30 + nameBytes.length + compressed.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, meta.flags, true);
  lv.setUint16(8, 8, true);
  lv.setUint16(10, meta.modTime, true);
  lv.setUint16(12, meta.modDate, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  lv.setUint16(28, 0, true);
  local.set(nameBytes, 30);
  local.set(compressed, 30 + nameBytes.length);

  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, meta.versionMadeBy, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, meta.flags, true);
  cv.setUint16(10, 8, true);
  cv.setUint16(12, meta.modTime, true);
  cv.setUint16(14, meta.modDate, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint16(36, meta.internalAttr, true);
  cv.setUint32(38, meta.externalAttr, true);
  cv.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return { local, central };
}

/** The original central record with the new local header offset (rebuilt without ZIP64 if needed). */
function relocatedCentralRecord(entry: ZipEntry, offset: number): Uint8Array {
  if (!entry.zip64) {
    const rec = entry.centralRecord.slice();
    new DataView(rec.buffer).setUint32(42, offset, true);
    return rec;
  }
  // Rebuild: real 32-bit values (sizes are capped far below 4 GB) and the ZIP64 field dropped.
  const src = new DataView(entry.centralRecord.buffer, entry.centralRecord.byteOffset, entry.centralRecord.byteLength);
  const nameLen = src.getUint16(28, true);
  const extraLen = src.getUint16(30, true);
  const commentLen = src.getUint16(32, true);
  const extraStart = 46 + nameLen;
  const keptExtra: number[] = [];
  let p = extraStart;
  while (p + 4 <= extraStart + extraLen) {
    const id = src.getUint16(p, true);
    const size = src.getUint16(p + 2, true);
    if (id !== 0x0001) for (let i = 0; i < 4 + size && p + i < extraStart + extraLen; i++) keptExtra.push(entry.centralRecord[p + i]!);
    p += 4 + size;
  }
  const comment = entry.centralRecord.subarray(extraStart + extraLen, extraStart + extraLen + commentLen);
  const rec = new Uint8Array(46 + nameLen + keptExtra.length + commentLen);
  rec.set(entry.centralRecord.subarray(0, 46 + nameLen), 0);
  rec.set(keptExtra, 46 + nameLen);
  rec.set(comment, 46 + nameLen + keptExtra.length);
  const v = new DataView(rec.buffer);
  v.setUint32(20, entry.compressedSize, true);
  v.setUint32(24, entry.uncompressedSize, true);
  v.setUint16(30, keptExtra.length, true);
  v.setUint16(34, 0, true);
  v.setUint32(42, offset, true);
  return rec;
}

function concatWithEocd(locals: Uint8Array[], centrals: Uint8Array[], cdOffset: number, comment: Uint8Array): Uint8Array {
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const total = cdOffset + cdSize + 22 + comment.length;
  const out = new Uint8Array(total);
  let p = 0;
  for (const l of locals) {
    out.set(l, p);
    p += l.length;
  }
  for (const c of centrals) {
    out.set(c, p);
    p += c.length;
  }
  const v = new DataView(out.buffer);
  v.setUint32(p, SIG_EOCD, true);
  v.setUint16(p + 4, 0, true);
  v.setUint16(p + 6, 0, true);
  v.setUint16(p + 8, centrals.length, true);
  v.setUint16(p + 10, centrals.length, true);
  v.setUint32(p + 12, cdSize, true);
  v.setUint32(p + 16, cdOffset, true);
  v.setUint16(p + 20, comment.length, true);
  out.set(comment, p + 22);
  return out;
}

/** Builds a fresh archive from name → data pairs (deflated), in the given order. For tests and new packages. */
export function createZip(files: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const { time, date } = dosDateTime(new Date(2020, 0, 1));
  const enc = new TextEncoder();
  for (const [name, data] of files) {
    const built = buildEntry(enc.encode(name), data, offset, {
      flags: FLAG_UTF8,
      modTime: time,
      modDate: date,
      versionMadeBy: 20,
      internalAttr: 0,
      externalAttr: 0,
    });
    locals.push(built.local);
    centrals.push(built.central);
    offset += built.local.length;
  }
  return concatWithEocd(locals, centrals, offset, new Uint8Array(0));
}
