/**
 * Why a file did not open, in words a drafter can act on (pure, no DOM). The engine says what
 * failed ("không đọc được cấu trúc zip"); here the first bytes say what the file is: empty, an
 * image or PDF, plain text, a Word 97–2003 .doc, a password-protected document (both are OLE
 * compound files), a .docx that is damaged, or a zip that is not a Word document.
 */
import { DocumentError } from '../document/types';

export type OpenFailureCause = 'empty' | 'legacy-doc' | 'protected' | 'other-office' | 'image' | 'pdf' | 'rtf' | 'text' | 'damaged' | 'not-word' | 'unknown';

export interface OpenFailure {
  cause: OpenFailureCause;
  /** One line: what the file is. */
  title: string;
  /** What to do about it. */
  text: string;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether a name appears in UTF-16LE (how an OLE directory stores its stream names). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  const last = bytes.length - pattern.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function hasAscii(bytes: Uint8Array, text: string): boolean {
  const pattern = [...text].map((c) => c.charCodeAt(0));
  const last = bytes.length - pattern.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Readable UTF-8 text: decodes strictly and is almost all printable characters. */
function isText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    // A cut in the middle of a multi-byte character at the end of the sample is not binary.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    } catch {
      return false;
    }
  }
  if (!text) return false;
  const control = [...text].filter((c) => /[\u0000-\u0008\u000e-\u001f\u007f]/.test(c)).length;
  return control / text.length < 0.01;
}

const SAVE_AS_DOCX = 'Hãy mở tệp trong Word (hoặc LibreOffice), chọn "Lưu thành…" → "Tài liệu Word (*.docx)", rồi mở tệp .docx đó.';

/** What a file that failed to open is, and what to do. `error` is what the engine threw. */
export function classifyOpenFailure(bytes: Uint8Array, error: unknown): OpenFailure {
  if (bytes.length === 0) {
    return { cause: 'empty', title: 'Tệp trống', text: 'Tệp không có nội dung nào (0 byte): có thể tệp chưa tải xuống hoặc sao chép xong. Hãy lấy lại tệp gốc rồi mở lại.' };
  }
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
      return {
        cause: 'protected',
        title: 'Tài liệu được bảo vệ bằng mật khẩu',
        text: 'Tài liệu đã được mã hóa bằng mật khẩu nên không đọc được nội dung. Hãy mở trong Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi mở lại tệp.',
      };
    }
    if (hasUtf16(bytes, 'WordDocument')) {
      return { cause: 'legacy-doc', title: 'Tệp Word 97–2003 (.doc)', text: `Đây là định dạng .doc cũ; baocao chỉ đọc tệp .docx. ${SAVE_AS_DOCX}` };
    }
    return { cause: 'other-office', title: 'Tệp Office định dạng cũ, không phải tài liệu Word', text: 'Tệp này là tệp Office đời cũ (ví dụ Excel .xls), không phải báo cáo Word. Hãy chọn tệp báo cáo .docx.' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const missingMain = error instanceof DocumentError && (error.code === 'missing-part' || (error.code === 'unsupported' && /WordprocessingML/.test(error.message)));
    if (missingMain || !hasAscii(bytes, 'word/')) {
      const kind = hasAscii(bytes, 'xl/') ? 'bảng tính Excel (.xlsx)' : hasAscii(bytes, 'ppt/') ? 'bản trình chiếu PowerPoint (.pptx)' : 'tệp nén (.zip)';
      return { cause: 'not-word', title: 'Không phải tài liệu Word', text: `Tệp này là ${kind}, không phải tài liệu Word .docx. Hãy chọn tệp báo cáo .docx.` };
    }
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return {
      cause: 'damaged',
      title: 'Tệp .docx bị hỏng',
      text: `Tệp có dạng .docx nhưng nội dung bị hỏng hoặc không đầy đủ${detail}. Có thể tệp chưa tải xuống xong; hãy lấy lại tệp gốc, hoặc mở trong Word để Word sửa rồi lưu lại.`,
    };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) {
    return { cause: 'image', title: 'Tệp ảnh, không phải tài liệu Word', text: 'Tệp này là một hình ảnh (PNG, JPEG hoặc GIF). Hãy chọn tệp báo cáo .docx.' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return { cause: 'pdf', title: 'Tệp PDF, không phải tài liệu Word', text: 'baocao cần tệp Word .docx để đọc và sửa số liệu; tệp PDF chỉ để xem. Hãy dùng bản .docx của báo cáo.' };
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    return { cause: 'rtf', title: 'Tệp RTF, không phải .docx', text: `Đây là tệp định dạng RTF. ${SAVE_AS_DOCX}` };
  }
  if (isText(bytes)) {
    return { cause: 'text', title: 'Tệp văn bản thuần, không phải tài liệu Word', text: 'Tệp chỉ chứa chữ thuần (như .txt), không có định dạng của tài liệu Word. Hãy chọn tệp báo cáo .docx.' };
  }
  return { cause: 'unknown', title: 'Không phải tài liệu Word .docx', text: 'Nội dung tệp không phải định dạng .docx (cũng không phải .doc, PDF hay ảnh). Hãy chọn tệp báo cáo .docx.' };
}
