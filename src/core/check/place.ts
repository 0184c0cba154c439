/**
 * Human names of places, the one way every output says where something is: "mục A.2.2",
 * "Phụ lục III", "phần đầu báo cáo" — never the internal paths "PL-III" or "header". The JSON
 * contract keeps the paths in `section`; messages, text and HTML use these names.
 */
import type { Location } from './findings';

/** "A.2.2" → "mục A.2.2"; "PL-III" → "Phụ lục III"; "header" → "phần đầu báo cáo". */
export function sectionName(section: string | undefined): string {
  if (section === undefined || section === '') return 'toàn báo cáo';
  if (section === 'header') return 'phần đầu báo cáo';
  if (section === 'closing') return 'phần kết thúc';
  const pl = /^PL-([IVX]+)(.*)$/.exec(section);
  if (pl) return `Phụ lục ${pl[1]}${pl[2] ?? ''}`;
  return `mục ${section}`;
}

/** The same, as a heading: "Mục A.2.2", "Phụ lục III", "Phần đầu báo cáo". */
export function sectionTitle(section: string | undefined): string {
  const name = sectionName(section);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Where a location is, as a heading: its table ("Phụ lục II / Biểu mẫu 2") or its section. */
export function placeGroup(l: Pick<Location, 'table' | 'section'>): string {
  return l.table ?? sectionTitle(l.section);
}

/** The cell part of a table location: "dòng 3.4, cột Số liệu" ('' outside tables). */
export function cellName(l: Pick<Location, 'row' | 'column'>): string {
  return [l.row ? `dòng ${l.row}` : '', l.column ? `cột ${l.column}` : ''].filter(Boolean).join(', ');
}

/** The full name of one location: "Phụ lục II / Biểu mẫu 2, dòng 3.4, cột Số liệu" or "Mục A.2.2". */
export function placeName(l: Pick<Location, 'table' | 'section' | 'row' | 'column'>): string {
  const cell = l.table ? cellName(l) : '';
  return cell ? `${placeGroup(l)}, ${cell}` : placeGroup(l);
}

/** Locations of one finding grouped by table or section, groups in order of first appearance. */
export function groupPlaces<L extends Pick<Location, 'table' | 'section'>>(locations: readonly L[]): { name: string; locations: L[] }[] {
  const groups = new Map<string, L[]>();
  for (const l of locations) {
    const name = placeGroup(l);
    const g = groups.get(name);
    if (g) g.push(l);
    else groups.set(name, [l]);
  }
  return [...groups].map(([name, locs]) => ({ name, locations: locs }));
}

/** "12 chỗ trong mục A.2.2", "5 chỗ trong Phụ lục II / Biểu mẫu 2". */
export function placesCount(n: number, name: string): string {
  const lower = /^(Mục|Phần)/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  return `${n} chỗ trong ${lower}`;
}
