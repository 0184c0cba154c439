/**
 * The commands of `baocao`: their options, usage text and the module that runs each. main.ts
 * parses against these; a command's module (and with it the core, the engine and zod) is loaded
 * only when that command runs, so `--help` and usage errors start fast.
 */
import type { Io, Parsed } from './types';

export type CommandRun = (parsed: Parsed, io: Io) => Promise<number>;

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias ("o" for -o). */
  short?: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments: none, exactly one file, one or more files. */
  files: 'none' | 'one' | 'many';
  /** Long option names without dashes; `output` is -o/--output. */
  options: Record<string, OptionSpec>;
  /** The usage of this command (Vietnamese with English glosses). */
  usage: string;
  load: () => CommandRun;
}

const output: Record<string, OptionSpec> = { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } };
/** Every command reading a report takes the template to read it with (default: the document's own). */
const template: Record<string, OptionSpec> = { template: { type: 'string' } };
/** The usage lines of -o and --force, alike in every command that writes a file. */
const OUTPUT_LINES = `
  -o, --output TỆP   tệp kết quả, khác tệp nguồn (output file, never the input)
  --force            ghi đè tệp kết quả đã có (overwrite an existing output)`;
const TEMPLATE_LINE = `\n  --template MÃ       mẫu báo cáo (template id, see baocao template --list; default: the document's own)`;

// `require` (not `import()`): the CLI runs as CommonJS under tsx, ts-jest and the esbuild bundle,
// and a literal require keeps the command out of the start-up path in all three.
export const COMMANDS: Record<string, CommandSpec> = {
  template: {
    name: 'template',
    files: 'none',
    options: {
      ...template,
      list: { type: 'boolean' },
      'co-quan': { type: 'string' },
      'co-quan-chu-quan': { type: 'string' },
      'dia-danh': { type: 'string' },
      ky: { type: 'string' },
      date: { type: 'string' },
      ...output,
    },
    usage: `Cách dùng (usage): baocao template -o TỆP.docx [--co-quan TÊN] [--ky KỲ] [--co-quan-chu-quan TÊN]
                   [--dia-danh TÊN] [--date DD/MM/YYYY] [--template MÃ] [--force] | baocao template --list
  Tạo báo cáo trống để soạn (a blank report to draft); mặc định là mẫu chung của báo cáo CCHC định kỳ
  cho mọi cơ quan (default: the official outline for any office).
  --co-quan TÊN      tên cơ quan báo cáo, ví dụ "Sở Tư pháp" (the reporting office)
  --ky KỲ            kỳ báo cáo: "6 tháng 2023", quy-i-2023, 9-thang-2023, nam-2023 (the period:
                     title, opening sentence, data window, captions, next period)
  --co-quan-chu-quan TÊN  cơ quan chủ quản, ví dụ "UBND tỉnh Hòa An" (the superior body)
  --dia-danh TÊN     địa danh ghi trước ngày tháng (the place before the date)
  --date NGÀY        ngày báo cáo (report date; default: the period's cut-off)
  --list             liệt kê các mẫu báo cáo (list the templates)
  --template MÃ      mẫu báo cáo khác, xem --list (another template, see --list)
  -o, --output TỆP   tệp kết quả (output file)
  --force            ghi đè tệp kết quả đã có (overwrite an existing output)`,
    load: () => (require('./template-command') as typeof import('./template-command')).templateCommand,
  },
  extract: {
    name: 'extract',
    files: 'one',
    options: { ...template, ...output },
    usage: `Cách dùng (usage): baocao extract TỆP.docx [-o SỐ-LIỆU.json] [--force]
  Đọc mọi số liệu của báo cáo ra JSON (every figure as JSON, to stdout or -o).
  -o, --output TỆP   ghi JSON vào tệp thay vì màn hình (write to a file)
  --force            ghi đè tệp kết quả đã có (overwrite an existing output)${TEMPLATE_LINE}`,
    load: () => (require('./extract-command') as typeof import('./extract-command')).extractCommand,
  },
  fill: {
    name: 'fill',
    files: 'one',
    options: { ...template, data: { type: 'string' }, ...output },
    usage: `Cách dùng (usage): baocao fill TỆP.docx --data SỐ-LIỆU.json -o RA.docx [--force]
  Ghi số liệu vào ô nhập và bảng phụ lục (write figures into controls and appendix cells).
  --data TỆP         { "fields": { "<mã chỉ tiêu>": "30.407", … } } hoặc kết quả của extract${OUTPUT_LINES}${TEMPLATE_LINE}`,
    load: () => (require('./fill-command') as typeof import('./fill-command')).fillCommand,
  },
  check: {
    name: 'check',
    files: 'many',
    options: { ...template, format: { type: 'string' }, ...output },
    usage: `Cách dùng (usage): baocao check TỆP.docx… [--format text|json|html] [-o KẾT-QUẢ] [--force]
  Kiểm tra tính nhất quán số liệu (consistency check of one or more reports).
  --format ĐỊNH-DẠNG text (mặc định), json (theo đặc tả) hoặc html (một trang độc lập)
  -o, --output TỆP   ghi kết quả vào tệp (write the result to a file)
  --force            ghi đè tệp kết quả đã có (overwrite an existing output)
  Mã thoát (exit): 0 không có lỗi, 1 có lỗi nhất quán, 2 có tệp không đọc được.${TEMPLATE_LINE}`,
    load: () => (require('./check-command') as typeof import('./check-command')).checkCommand,
  },
  rollover: {
    name: 'rollover',
    files: 'one',
    options: { ...template, to: { type: 'string' }, date: { type: 'string' }, ...output },
    usage: `Cách dùng (usage): baocao rollover TỆP.docx --to KỲ -o RA.docx [--date DD/MM/YYYY] [--force]
  Bắt đầu báo cáo kỳ mới từ báo cáo kỳ trước (start the next period's report).
  --to KỲ            kỳ mới, sau kỳ của tệp nguồn, một kỳ của mẫu: quy-i-2023 … quy-iv-2023,
                     6-thang-2023, 9-thang-2023, nam-2023
  --date NGÀY        ngày báo cáo mới (report date; default: the period's cut-off)${OUTPUT_LINES}${TEMPLATE_LINE}`,
    load: () => (require('./rollover-command') as typeof import('./rollover-command')).rolloverCommand,
  },
  adopt: {
    name: 'adopt',
    files: 'one',
    options: { ...template, ...output },
    usage: `Cách dùng (usage): baocao adopt TỆP.docx -o RA.docx [--force]
  Gắn ô nhập cho báo cáo cũ chưa có (wrap a plain report's figures in content controls).${OUTPUT_LINES}${TEMPLATE_LINE}`,
    load: () => (require('./adopt-command') as typeof import('./adopt-command')).adoptCommand,
  },
  bind: {
    name: 'bind',
    files: 'one',
    options: {
      ...template,
      id: { type: 'string' },
      nhan: { type: 'string' },
      'van-ban': { type: 'string' },
      'don-vi': { type: 'string' },
      loai: { type: 'string' },
      'sang-ky': { type: 'string' },
      muc: { type: 'string' },
      lan: { type: 'string' },
      ...output,
    },
    usage: `Cách dùng (usage): baocao bind TỆP.docx --id MÃ --nhan "NHÃN" --van-ban "1.234 hồ sơ" -o RA.docx [--muc B.II.2] [--lan N]
  Gắn một số liệu trong lời văn thành số liệu mới, lưu trong tài liệu (bind a narrative figure to a new field).
  --id MÃ            mã số liệu, ví dụ b22.hoSoMoi (field id)
  --nhan NHÃN        tên số liệu (label)
  --van-ban VĂN-BẢN  đoạn có đúng một số liệu, có thể kèm đơn vị (the text holding the figure)
  --don-vi ĐƠN-VỊ    đơn vị (unit; default: the words after the figure in --van-ban)
  --loai LOẠI        so (mặc định), ty-le, thap-phan (count, percent, decimal)
  --sang-ky CÁCH     khi sang kỳ mới: ky = xóa (mặc định), co-dinh = giữ, luy-ke = giữ trong cùng năm
  --muc MỤC          chỉ tìm trong mục này (section, e.g. B.II.2)
  --lan N            lần xuất hiện thứ N khi đoạn văn bản có ở nhiều chỗ (which occurrence)${OUTPUT_LINES}${TEMPLATE_LINE}
  Mã thoát (exit): 0 đã gắn, 2 không gắn được (không thấy, thấy nhiều chỗ mà không có --lan, mã trùng…).`,
    load: () => (require('./bind-command') as typeof import('./bind-command')).bindCommand,
  },
  annotate: {
    name: 'annotate',
    files: 'one',
    options: { ...template, author: { type: 'string' }, report: { type: 'string' }, ...output },
    usage: `Cách dùng (usage): baocao annotate TỆP.docx -o TỆP-nhan-xet.docx [--author "Sở Nội vụ"] [--report KQ.html] [--force]
  Ghi mỗi lỗi và cảnh báo của kiểm tra thành nhận xét Word tại số liệu liên quan, thêm một nhận xét
  tổng hợp ở tiêu đề (the check's findings as Word comments); nhận xét cũ của baocao được thay,
  nhận xét của người khác giữ nguyên.
  --author TÊN       tên người nhận xét (comment author; default "baocao")
  --report TỆP.html  kèm báo cáo kiểm tra HTML, mỗi lỗi/cảnh báo ghi số nhận xét của nó (HTML report with comment ids)${OUTPUT_LINES}${TEMPLATE_LINE}`,
    load: () => (require('./annotate-command') as typeof import('./annotate-command')).annotateCommand,
  },
  summary: {
    name: 'summary',
    files: 'many',
    options: { ...template, format: { type: 'string' }, ...output },
    usage: `Cách dùng (usage): baocao summary TỆP.docx|THƯ-MỤC… -o tong-hop.xlsx [--format xlsx|csv|html] [--force]
  Tổng hợp nhiều báo cáo: trang "Kết quả kiểm tra" (mỗi tệp một dòng) và "Số liệu" (mỗi chỉ tiêu một
  dòng, mỗi cơ quan một cột, cột Tổng) (one workbook for all reports received).
  --format ĐỊNH-DẠNG xlsx (mặc định), csv (hai tệp: số liệu và …-ket-qua-kiem-tra.csv) hoặc html
                     (trang tổng hợp, mỗi tệp có trang kết quả kiểm tra riêng trong thư mục …-tung-tep)
  -o, --output TỆP   tệp kết quả (output file, never an input)
  --force            ghi đè tệp kết quả đã có (overwrite an existing output)
  Một thư mục được đọc cả thư mục con (.docx); tệp không đọc được thành một dòng ghi lý do.${TEMPLATE_LINE}`,
    load: () => (require('./summary-command') as typeof import('./summary-command')).summaryCommand,
  },
  rows: {
    name: 'rows',
    files: 'one',
    options: {
      ...template,
      them: { type: 'string' },
      sau: { type: 'string' },
      'noi-dung': { type: 'string' },
      'san-pham': { type: 'string' },
      'ghi-chu': { type: 'string' },
      xoa: { type: 'string' },
      ...output,
    },
    usage: `Cách dùng (usage): baocao rows TỆP.docx [--them NHÓM [--sau DÒNG] [--noi-dung "…"] [--san-pham "…"] [--ghi-chu "…"] | --xoa DÒNG] -o RA.docx [--force]
  Các dòng nhiệm vụ của Phụ lục III: liệt kê, thêm hoặc xóa một dòng, đánh số lại STT trong nhóm
  (list, add or remove a task row of Phụ lục III; without --them/--xoa: list).
  --them NHÓM        thêm một nhiệm vụ vào cuối nhóm, ví dụ III (add a task to group III)
  --sau DÒNG         thêm ngay sau dòng này, ví dụ III.3 (insert after row III.3)
  --noi-dung "…"     nội dung công việc của dòng mới (task)
  --san-pham "…"     sản phẩm đầu ra của dòng mới (output)
  --ghi-chu "…"      ghi chú của dòng mới (note)
  --xoa DÒNG         xóa dòng nhiệm vụ, ví dụ III.11 (remove a task row); dòng là chỗ ghi số liệu
                     của mẫu thì không xóa được (rows holding a template field are kept)${OUTPUT_LINES}${TEMPLATE_LINE}`,
    load: () => (require('./rows-command') as typeof import('./rows-command')).rowsCommand,
  },
  demo: {
    name: 'demo',
    files: 'none',
    options: {},
    usage: `Cách dùng (usage): baocao demo
  Chạy thử trên báo cáo mẫu kèm theo (summary of the bundled sample report).`,
    load: () => (require('./demo-command') as typeof import('./demo-command')).demoCommand,
  },
};

export const USAGE = `baocao — báo cáo định kỳ (cải cách hành chính, kiểm soát thủ tục hành chính; mẫu: baocao template --list)

Cách dùng (usage):
  baocao template -o TỆP.docx [--co-quan TÊN] [--ky KỲ] [--template MÃ] [--force]
                                                 tạo báo cáo trống để soạn (blank report to draft)
  baocao template --list                         các mẫu báo cáo (the templates: ids and titles)
  baocao extract TỆP.docx [-o SỐ-LIỆU.json]      đọc mọi số liệu ra JSON (extract figures)
  baocao fill TỆP.docx --data SỐ-LIỆU.json -o RA.docx [--force]
                                                 ghi số liệu vào ô nhập và bảng phụ lục (fill)
  baocao check TỆP.docx… [--format text|json|html] [-o KẾT-QUẢ]
                                                 kiểm tra tính nhất quán số liệu (consistency check)
  baocao rollover TỆP.docx --to KỲ -o RA.docx [--date DD/MM/YYYY] [--force]
                                                 bắt đầu báo cáo kỳ mới từ báo cáo kỳ trước (roll-over);
                                                 KỲ: quy-i-2023 … quy-iv-2023, 6-thang-2023, 9-thang-2023, nam-2023
  baocao annotate TỆP.docx -o TỆP-nhan-xet.docx [--author "Sở Nội vụ"] [--report KQ.html] [--force]
                                                 ghi lỗi và cảnh báo thành nhận xét Word (review comments)
  baocao summary TỆP.docx|THƯ-MỤC… -o tong-hop.xlsx [--format xlsx|csv|html] [--force]
                                                 tổng hợp kết quả kiểm tra và số liệu nhiều báo cáo (summary)
  baocao rows TỆP.docx [--them NHÓM --noi-dung "…" | --xoa DÒNG] -o RA.docx
                                                 thêm, xóa dòng nhiệm vụ Phụ lục III (task rows)
  baocao adopt TỆP.docx -o RA.docx [--force]     gắn ô nhập cho báo cáo cũ chưa có (adopt a plain report)
  baocao bind TỆP.docx --id MÃ --nhan "NHÃN" --van-ban "1.234 hồ sơ" -o RA.docx [--muc MỤC] [--lan N]
                                                 gắn số liệu trong lời văn thành số liệu mới (bind a figure)
  baocao demo                                    chạy thử trên báo cáo mẫu kèm theo (như npm start, trong terminal)
  baocao LỆNH --help                             hướng dẫn của một lệnh (usage of one command)
  baocao help                                    hướng dẫn này

Mọi lệnh đọc báo cáo nhận --template MÃ; mặc định là mẫu ghi trong tài liệu hoặc mẫu khớp nhất
(every command that reads a report takes --template ID; default: the document's own template).
Tệp kết quả (-o) không bao giờ là tệp nguồn, được ghi trọn vẹn hoặc không ghi gì (atomic).
Mã thoát (exit codes): 0 thành công, 1 có lỗi nhất quán hoặc số liệu chưa ghi được, 2 đầu vào hoặc cách dùng không hợp lệ.`;
