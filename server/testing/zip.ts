// Writing .xlsx files the way an attacker (or a careless generator) would: any part replaced, parts
// of hundreds of megabytes that compress to kilobytes, sizes in the headers that lie. ExcelJS cannot
// write those without holding them whole; this writes the zip directly with Node's zlib.
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Write this size in the headers instead of the real one (a lying zip). */
  claimedSize?: number;
}

/** The parts of a workbook ExcelJS wrote, by name, to change before zipping them again. */
export async function workbookParts(build: (wb: ExcelJS.Workbook) => void): Promise<Map<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const parts = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) parts.set(name, await file.async('uint8array'));
  }
  return parts;
}

/** A zip of deflated parts (no ZIP64: each part under 4 GB). */
export function zipParts(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const deflated = deflateRawSync(part.data, { level: 9 });
    const size = part.claimedSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    central.push(entry, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/** The workbook's parts with one replaced (or added). */
export function withPart(parts: Map<string, Uint8Array>, name: string, data: Uint8Array | string, claimedSize?: number): ZipPart[] {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const out: ZipPart[] = [...parts].filter(([n]) => n !== name).map(([n, d]) => ({ name: n, data: d }));
  out.push({ name, data: bytes, ...(claimedSize !== undefined ? { claimedSize } : {}) });
  return out;
}
