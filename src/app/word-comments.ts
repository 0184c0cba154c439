/**
 * The check's findings as comments in the open Word document (WordApi 1.4: Range.insertComment,
 * Body.getComments, Comment.delete). One Word.run, two syncs whatever the number of comments:
 * load paragraphs, tables and existing comments; then delete baocao's earlier comments and
 * insert the new ones.
 *
 * Word's API does not let an add-in choose a comment's author: Word writes the signed-in user's
 * name. baocao's comments are therefore recognised by their text ("baocao: …", "baocao · …"),
 * never by author, and people's comments are left alone.
 */
import { isBaocaoCommentText, type CommentPlace, type ReviewComment } from '../core/check/annotations';
import { DocumentError, type DocumentSnapshot } from '../core/document';
import { rangeOf, type WordRun } from '../document/word/word-document';
import type { ReviewCommentWriter } from './host';

function ordinalOf(snapshot: DocumentSnapshot, index: number, type: 'paragraph' | 'table'): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (snapshot.blocks[i]?.type === type) n++;
  return n;
}

export function createWordCommentWriter(run: WordRun, isSetSupported?: (name: string, version: string) => boolean): ReviewCommentWriter {
  const requireApi = () => {
    const supported = isSetSupported ?? ((n: string, v: string) => (typeof Office !== 'undefined' ? Office.context.requirements.isSetSupported(n, v) : false));
    if (!supported('WordApi', '1.4')) {
      throw new DocumentError('unsupported', 'Phiên bản Word này chưa hỗ trợ ghi nhận xét từ phần bổ trợ (cần WordApi 1.4).', 'WordApi 1.4 missing');
    }
  };

  async function write(comments: readonly ReviewComment[], snapshot: DocumentSnapshot): Promise<{ written: number; replaced: number }> {
    requireApi();
    return run(async (context) => {
      const body = context.document.body;
      const paragraphs = body.paragraphs.load('text,tableNestingLevel');
      const tables = body.tables.load('nestingLevel');
      const existing = body.getComments().load('id,content');
      await context.sync();
      let replaced = 0;
      for (const c of existing.items) {
        if (isBaocaoCommentText(c.content)) {
          c.delete();
          replaced++;
        }
      }
      const topParagraphs = paragraphs.items.filter((p) => p.tableNestingLevel === 0);
      const topTables = tables.items.filter((t) => t.nestingLevel === 1);
      const rangeAt = (place: CommentPlace): Word.Range => {
        const block = snapshot.blocks[place.block];
        if (block?.type === 'table' && place.row !== undefined && place.cell !== undefined) {
          const table = topTables[ordinalOf(snapshot, place.block, 'table')];
          const text = block.rows[place.row]?.cells[place.cell]?.text;
          if (!table || text === undefined) throw gone();
          const cellBody = table.getCell(place.row, place.cell).body;
          return place.end > place.start ? rangeOf(cellBody, text, place.start, place.end) : cellBody.getRange('Whole');
        }
        if (block?.type !== 'paragraph') throw gone();
        const paragraph = topParagraphs[ordinalOf(snapshot, place.block, 'paragraph')];
        if (!paragraph) throw gone();
        // A paragraph changed since the read gets the comment on the whole paragraph.
        if (paragraph.text === block.text && place.end > place.start) return rangeOf(paragraph, block.text, place.start, place.end);
        return paragraph.getRange('Whole');
      };
      for (const c of comments) rangeAt(c.anchor).insertComment(c.paragraphs.join('\n'));
      await context.sync();
      return { written: comments.length, replaced };
    });
  }

  async function removeOurs(): Promise<number> {
    requireApi();
    return run(async (context) => {
      const existing = context.document.body.getComments().load('id,content');
      await context.sync();
      let n = 0;
      for (const c of existing.items) {
        if (isBaocaoCommentText(c.content)) {
          c.delete();
          n++;
        }
      }
      await context.sync();
      return n;
    });
  }

  return { authorSettable: false, write, removeOurs };
}

const gone = () => new DocumentError('stale-edit', 'Vị trí cần nhận xét không còn trong tài liệu (tài liệu đã thay đổi). Hãy bấm "Làm mới" rồi thử lại.');
