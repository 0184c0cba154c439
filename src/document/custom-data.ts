/**
 * baocao's custom XML part (namespace DOCUMENT_DATA_NS), shared by both adapters: the OOXML
 * adapter stores it as customXml/itemN.xml, the Word adapter through `Document.customXmlParts`
 * (WordApi 1.4). It carries what the body cannot: the template id and the drafter's own fields.
 *
 *   <baocao xmlns="urn:baocao:document:1" template="<template id>">
 *     <field id="b22.hoSoMoi" label="Hồ sơ tiếp nhận mới" unit="hồ sơ" kind="count" rollover="period" section="B.II.2" before="…" after="…"/>
 *   </baocao>
 *
 * Attributes are read as written and validated by the core. A part that cannot be read (malformed,
 * a DOCTYPE, too large, too many fields) is set aside with a Vietnamese `problem`: the document
 * still opens as a report without the user fields, and nothing in it is lost.
 */
import { DOCUMENT_DATA_NS, DocumentError, type DataEdit, type DocumentData } from './types';
import { childElements } from './ooxml/walker';
import { parseXml } from './ooxml/xml';

export { DOCUMENT_DATA_NS };

/** Larger parts are not read (a report's own fields take a few hundred bytes each). */
export const MAX_DATA_PART_CHARS = 512 * 1024;
/** More fields than this are not read. */
export const MAX_USER_FIELDS = 500;
/** Attributes a field element may carry (others are ignored). */
const FIELD_ATTRIBUTES = ['id', 'label', 'unit', 'kind', 'rollover', 'section', 'before', 'after', 'nth'];
const MAX_ATTRIBUTE_CHARS = 2000;

/** The root element's namespace, from its start tag (cheap: to pick our part among others). */
export function dataPartNamespace(xml: string): string | undefined {
  const text = xml.slice(0, 4096);
  // The start tag may run past the slice (a hostile part): its namespace comes first in ours.
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\b([^>]*)/u.exec(text.replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/giu, ''));
  if (!root) return undefined;
  const prefix = root[1]?.slice(0, -1);
  const attr = prefix ? new RegExp(`\\sxmlns:${prefix}\\s*=\\s*(["'])(.*?)\\1`, 'u') : /\sxmlns\s*=\s*(["'])(.*?)\1/u;
  return attr.exec(root[2] ?? '')?.[2];
}

/** Reads baocao's part; never throws: a part that cannot be read gives `problem`. */
export function parseDocumentData(xml: string): DocumentData {
  const setAside = (why: string): DocumentData => ({ fields: [], problem: `Phần dữ liệu baocao trong tài liệu ${why}; tài liệu được đọc như không có số liệu tự thêm.` });
  if (xml.length > MAX_DATA_PART_CHARS) return setAside(`quá lớn (${Math.round(xml.length / 1024)} KB, tối đa ${MAX_DATA_PART_CHARS / 1024} KB)`);
  let root: Element;
  try {
    root = parseXml(xml, 'baocao').root;
  } catch (e) {
    return setAside(e instanceof DocumentError && e.code === 'xml-doctype' ? 'chứa khai báo DOCTYPE/ENTITY' : 'bị hỏng (XML không hợp lệ)');
  }
  if (root.namespaceURI !== DOCUMENT_DATA_NS || root.localName !== 'baocao') return setAside('không đúng định dạng');
  const data: DocumentData = { fields: [] };
  const template = root.getAttribute('template')?.trim();
  if (template) data.template = template.slice(0, 100);
  const elements = childElements(root).filter((c) => c.namespaceURI === DOCUMENT_DATA_NS && c.localName === 'field');
  if (elements.length > MAX_USER_FIELDS) return setAside(`có quá nhiều số liệu tự thêm (${elements.length}, tối đa ${MAX_USER_FIELDS})`);
  for (const el of elements) {
    const field: Record<string, string> = {};
    for (const name of FIELD_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null && value !== '') field[name] = value.slice(0, MAX_ATTRIBUTE_CHARS);
    }
    data.fields.push(field);
  }
  return data;
}

function escapeAttribute(text: string): string {
  // Characters XML 1.0 cannot carry are dropped; line breaks kept as references.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** The part's XML for this content (deterministic: attributes in a fixed order). */
export function serializeDocumentData(data: DataEdit['data']): string {
  const lines = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`];
  const template = data.template ? ` template="${escapeAttribute(data.template)}"` : '';
  if (!data.fields.length) {
    lines.push(`<baocao xmlns="${DOCUMENT_DATA_NS}"${template}/>`);
    return lines.join('\n');
  }
  lines.push(`<baocao xmlns="${DOCUMENT_DATA_NS}"${template}>`);
  for (const field of data.fields) {
    const attrs = FIELD_ATTRIBUTES.filter((name) => field[name] !== undefined && field[name] !== '').map((name) => ` ${name}="${escapeAttribute(field[name]!)}"`);
    lines.push(`  <field${attrs.join('')}/>`);
  }
  lines.push('</baocao>');
  return lines.join('\n');
}
