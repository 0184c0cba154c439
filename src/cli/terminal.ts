/**
 * Text from a document must not drive the terminal: a control written in a .docx ("&#x1b;[2J")
 * would otherwise clear the screen, retitle the window or hide lines. Pure string functions.
 */

// Escape sequences as a whole (CSI … final byte, OSC/DCS/APC/PM/SOS … BEL or ST, ESC + one
// character), then any remaining C0 control but \n and \t, DEL, and C1 (U+0080–U+009F). A string
// sequence left open ends at the line's end: it cannot hide the lines after it.
const ESCAPES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c\n]*(?:\u001b\\|\u009c)?|\u001b[\s\S]?/gu;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

/** Removes escape sequences and control characters (keeps \n and \t). */
export function stripControls(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u.test(text)) return text;
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/**
 * JSON keeps the document's text exactly: JSON.stringify already escapes C0; C1 controls and
 * DEL are escaped the same way (still the same string to a JSON reader) so that printing the
 * JSON on a terminal cannot start an escape sequence.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string inside a JSON-like value with its controls removed (for text and HTML reports). */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlsDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stripControlsDeep(v);
    return out as T;
  }
  return value;
}
