// `--help` in Vietnamese: the program's and each command's description, and every option's and
// argument's, keyed by command name and long flag / argument name; plus commander's headings and
// its own options. The English help is the registry's own text (commands/index.ts); under
// `--lang vi` main.ts swaps in these. test/cli/help.test.ts loops over the registry and fails when
// a command, option or argument has no Vietnamese here, or when an entry here names none.
// Commands, options, file names and values a user types stay as they are typed.

/** The Vietnamese help of one command. */
export interface CommandHelpVi {
  readonly description: string;
  /** By long flag, e.g. `--inventory`. */
  readonly options: Readonly<Record<string, string>>;
  /** By argument name, e.g. `id`. */
  readonly arguments?: Readonly<Record<string, string>>;
}

/** Headings and commander's own options and words. */
export const HELP_VI = {
  program:
    "Lập kế hoạch hợp nhất các trung tâm dữ liệu của tỉnh: dữ liệu kiểm kê → đồ thị phụ thuộc → các đợt chuyển đổi có ngày → lộ trình thanh lý 2026–2030 → các báo cáo xuất ra và stack Pulumi.",
  titles: { "Usage:": "Cách dùng:", "Options:": "Tuỳ chọn:", "Arguments:": "Đối số:", "Commands:": "Lệnh:", "Global Options:": "Tuỳ chọn chung:" } as Readonly<Record<string, string>>,
  help: "hiển thị trợ giúp của lệnh",
  helpCommand: "hiển thị trợ giúp của một lệnh",
  version: "in số phiên bản",
  default: "mặc định",
  choices: "chọn một trong",
  lang: "ngôn ngữ của thông báo và bản tóm tắt: vi (tiếng Việt) hoặc en (tiếng Anh) [theo LC_ALL, LC_MESSAGES, LANG; nếu không có: vi]",
} as const;

/** The English description of the `--lang` option every command takes. */
export const LANG_HELP_EN = "language of messages and summaries: vi (Vietnamese) or en (English) [from LC_ALL, LC_MESSAGES, LANG; else vi]";

/** Every command's Vietnamese help, by command name. */
export const COMMAND_HELP_VI: Readonly<Record<string, CommandHelpVi>> = {
  validate: {
    description: "đọc và kiểm tra dữ liệu kiểm kê (và hồ sơ lập kế hoạch); in bản tóm tắt; có lỗi thì trả mã 2 và liệt kê mọi lỗi",
    options: {
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--as-of": "xét ngày hết hỗ trợ so với ngày này (YYYY-MM-DD) [hôm nay]",
      "--profile": "kiểm tra thêm hồ sơ lập kế hoạch này (YAML) và in các giá trị áp dụng",
      "--progress": "kiểm tra thêm tệp tiến độ này (các đợt đã chuyển xong hoặc không thành công, hệ thống đã tắt, máy chủ đã thanh lý hay đã chuyển) đối chiếu với dữ liệu kiểm kê, hồ sơ và ngày xét",
      "--warnings": "liệt kê mọi cảnh báo (all), không cảnh báo nào (none), hay vài cảnh báo đầu của mỗi quy tắc (some)",
    },
  },
  graph: {
    description: "in đồ thị phụ thuộc (địa điểm, cơ quan, máy chủ, hệ thống, hệ thống bên ngoài và các quan hệ)",
    options: {
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--format": "json, dot hoặc mermaid",
      "--focus": "chỉ phần xung quanh đối tượng có mã này",
      "--depth": "cùng --focus: lấy bao nhiêu bước xung quanh",
      "--out": "ghi vào tệp này thay vì in ra màn hình",
    },
  },
  export: {
    description: "xuất lộ trình cho người đọc: lộ trình HTML, bảng tính XLSX, CSV, Markdown, Mermaid, báo cáo định kỳ, kế hoạch theo từng cơ quan",
    options: {
      "--plan": "tệp kế hoạch JSON do `dcplan plan` ghi",
      "--inventory": "thư mục dữ liệu kiểm kê (thêm kiểu máy chủ, hệ điều hành; máy chủ riêng lẻ theo kỳ trong báo cáo)",
      "--format": "một trong html, xlsx, csv, md, mermaid, report",
      "--period": "cùng --format report: năm YYYY hoặc nửa năm YYYY-H1, YYYY-H2 [nửa năm chứa ngày lập kế hoạch]",
      "--indicators": "cùng --format report: các dòng chỉ tiêu (JSON, như planner/export/appendix-01.json) [các dòng có sẵn]",
      "--by-owner": "mỗi cơ quan chủ quản một tệp (với html, xlsx hoặc md), ghi vào thư mục --out",
      "--progress": "tệp tiến độ mà kế hoạch được lập từ đó: bị từ chối nếu kế hoạch không mang đúng các sự kiện của tệp (chỉ chúng được tính là đã xong)",
      "--baseline": "kế hoạch JSON ban đầu, vẽ đối chiếu với những gì đã ghi nhận trong phần kế hoạch và thực tế của lộ trình HTML",
      "--out": "tệp kết quả; một thư mục với csv và --by-owner; phần đầu tên tệp với report (ghi TÊN.html và TÊN.xlsx)",
    },
  },
  plan: {
    description: "lập kế hoạch hợp nhất: phương án từng hệ thống, các đợt có ngày, năng lực, kết luận về thời hạn, lộ trình thanh lý 2026–2030 (kế hoạch JSON)",
    options: {
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--profile": "hồ sơ lập kế hoạch (YAML); mọi trường đều không bắt buộc",
      "--as-of": "ngày lập kế hoạch YYYY-MM-DD; các đợt bắt đầu sau ngày này [hôm nay]",
      "--progress": "tệp tiến độ: các đợt đã chuyển xong hoặc không thành công, hệ thống đã tắt, máy chủ đã thanh lý hay đã chuyển; kế hoạch bắt đầu từ đó (docs/progress.md)",
      "--out": "ghi kế hoạch JSON vào tệp này (an toàn, ghi xong mới thay)",
      "--json": "in kế hoạch JSON ra màn hình cả khi đang ở terminal (khi chuyển tiếp qua ống dẫn thì luôn in JSON)",
      "--prices": "bảng đơn giá (YAML, docs/cost.md): thêm kinh phí của kế hoạch theo năm và theo cơ quan, tính bằng đồng",
      "--options-budget": "khi không kịp thời hạn: số lần lập lại kế hoạch mà việc tìm phương án đáp ứng thời hạn được dùng (0: không tìm) [tuỳ quy mô dữ liệu]",
    },
  },
  options: {
    description: "các phương án đáp ứng thời hạn khi kế hoạch không kịp: mỗi thay đổi của hồ sơ kế hoạch đã được kiểm chứng bằng cách lập lại kế hoạch, kèm kết quả và chi phí",
    options: {
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--profile": "hồ sơ lập kế hoạch (YAML) mà các phương án thay đổi",
      "--as-of": "ngày lập kế hoạch YYYY-MM-DD [hôm nay]",
      "--progress": "tệp tiến độ (những gì đã diễn ra): kế hoạch và mọi lần lập lại của các phương án bắt đầu từ đó",
      "--prices": "bảng đơn giá (YAML): chi phí của mỗi phương án so với kế hoạch",
      "--budget": "số lần lập lại kế hoạch mà việc tìm kiếm được dùng [tuỳ quy mô dữ liệu]",
      "--plan": "hiện các phương án mà một kế hoạch JSON đã có thay vì lập kế hoạch",
      "--format": "text, md hoặc json",
      "--out": "ghi báo cáo vào tệp này thay vì in ra màn hình",
      "--apply": "cùng --write-profile: phương án cần áp dụng",
      "--write-profile": "ghi hồ sơ kế hoạch đã áp dụng thay đổi của phương án --apply (giữ nguyên chú thích và bố cục)",
    },
  },
  compare: {
    description: "so sánh các kịch bản: cùng dữ liệu kiểm kê lập kế hoạch với nhiều hồ sơ (thời hạn, hệ thống trễ hạn, số đợt, mua sắm, tiết kiệm, kinh phí) và các hệ thống được xếp khác nhau",
    options: {
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--profile": "một hồ sơ lập kế hoạch, mỗi hồ sơ là một kịch bản (nhắc lại: ít nhất hai)",
      "--as-of": "ngày lập kế hoạch YYYY-MM-DD [hôm nay]",
      "--progress": "tệp tiến độ (những gì đã diễn ra): mọi kịch bản được lập từ đó",
      "--prices": "bảng đơn giá (YAML): kinh phí của mỗi kịch bản và chênh lệch so với kịch bản đầu",
      "--format": "một trong html, xlsx, md, json",
      "--out": "tệp kết quả",
    },
  },
  explain: {
    description: "giải thích một hệ thống hay máy chủ: phương án và lý do, đợt chuyển đổi và lý do, nó chờ gì, gì chờ nó, số phận các máy chủ của nó",
    options: {
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--profile": "hồ sơ lập kế hoạch (YAML)",
      "--as-of": "ngày lập kế hoạch YYYY-MM-DD [hôm nay]",
      "--progress": "tệp tiến độ (những gì đã diễn ra): lập kế hoạch từ thực tế và kể diễn biến của hệ thống",
    },
    arguments: { id: "mã hệ thống hoặc máy chủ" },
  },
  import: {
    description: "đưa RVTools, NetBox, CSV của Azure Migrate hay quan hệ phụ thuộc, hoặc biểu mẫu của tỉnh vào dữ liệu kiểm kê YAML, hợp nhất: số liệu đo được cập nhật, phần người ghi được giữ nguyên",
    options: {
      "--from": "một trong rvtools, netbox, csv, workbook",
      "--site": "địa điểm của những gì nguồn không ghi địa điểm (theo datacenter của nguồn nếu tệp ánh xạ không nói khác)",
      "--map": "tệp ánh xạ (YAML): địa điểm, cơ quan chủ quản, hệ thống theo mẫu tên, nhãn, máy chủ vật lý, vai trò NetBox (docs/import.md)",
      "--out": "thư mục các tệp nhập (<nguồn>-<địa điểm>.yaml); thường là thư mục dữ liệu kiểm kê",
      "--inventory": "dữ liệu kiểm kê mà lần nhập này thuộc về, khi --out không phải là nó [--out]",
      "--dry-run": "chỉ in phần thay đổi và bản tóm tắt, không ghi gì",
      "--full-diff": "in cả từng dòng của các tệp mới",
      "--list-all": "liệt kê mọi máy ảo chưa gán hệ thống, máy chủ đã biến mất… (mặc định: 10 mục đầu của mỗi loại)",
    },
    arguments: { files: "các tệp nguồn (nhiều tệp RVTools, các trang NetBox, các tệp CSV…)" },
  },
  template: {
    description: "ghi biểu mẫu kiểm kê của tỉnh (XLSX, tiếng Việt, có danh sách chọn), có thể điền sẵn máy chủ và hệ thống của một cơ quan",
    options: {
      "--out": "tệp XLSX cần ghi, ví dụ bieu-mau.xlsx",
      "--agency": "cơ quan nhận biểu mẫu: ghi tên trên biểu mẫu và điền sẵn máy chủ, hệ thống của cơ quan",
      "--inventory": "dữ liệu kiểm kê có các địa điểm, cơ quan, máy chủ, hệ thống dùng cho danh sách chọn",
      "--as-of": "ngày ghi trên biểu mẫu (YYYY-MM-DD) [hôm nay]",
    },
  },
  survey: {
    description: "khảo sát nhu cầu hỗ trợ kỹ thuật CNTT cấp xã: `survey template` ghi phiếu thống nhất, `survey import THƯ-MỤC` kiểm tra mọi phiếu gửi về và ghi bản tổng hợp (XLSX và HTML)",
    options: {
      "--out": "template: tệp XLSX cần ghi; import: thư mục ghi tong-hop-khao-sat.xlsx và .html",
      "--unit": "template: xã, phường nhận phiếu (điền sẵn)",
      "--inventory": "dữ liệu kiểm kê có các xã, phường được khảo sát",
      "--as-of": "ngày của phiếu hay của bản tổng hợp (YYYY-MM-DD) [hôm nay]",
    },
    arguments: { step: "template hoặc import", dir: "với import: thư mục các phiếu gửi về (*.xlsx)" },
  },
  render: {
    description: "ghi các manifest Kubernetes của một stack Pulumi (phân vùng, sao lưu Velero, MetalLB trên mạng TSLCD) để dùng với kubectl apply, không cần Pulumi CLI",
    options: {
      "--stack": "tên stack: đọc stacks/Pulumi.<tên>.yaml và các giá trị mặc định trong Pulumi.yaml",
      "--out": "thư mục kết quả (các tệp 00-…yaml đến 80-…yaml theo thứ tự áp dụng; thư mục helm/ chứa các tệp values và install.sh)",
      "--project": "thư mục gốc của dự án, nơi có Pulumi.yaml",
      "--secrets-from-env": "ghi cả manifest Secret (quyền tệp 0600), lấy từ DCPLAN_BACKUP_CREDENTIALS, DCPLAN_BGP_PASSWORDS, DCPLAN_VSPHERE_CREDENTIALS (JSON)",
    },
  },
  record: {
    description: "ghi nhận những gì đã diễn ra vào tệp tiến độ (đợt chuyển đổi xong hoặc không thành công, hệ thống đã tắt, máy chủ đã thanh lý hay đã chuyển); kiểm tra trước khi ghi; giữ nguyên chú thích và thứ tự của tệp",
    options: {
      "--progress": "tệp tiến độ (YAML) để ghi thêm; chưa có thì tạo mới",
      "--inventory": "thư mục dữ liệu kiểm kê",
      "--profile": "hồ sơ lập kế hoạch (YAML): lịch của hồ sơ quyết định ngày chuyển đổi nào bị cảnh báo",
      "--as-of": "ngày ghi nhận YYYY-MM-DD; không ghi được gì sau ngày này [hôm nay]",
      "--window": "khung thời gian chuyển đổi của --done / --failed, ví dụ 2026-12-05..2026-12-06",
      "--done": "các hệ thống đã chuyển xong trong khung thời gian, cách nhau bằng dấu phẩy (dùng được nhiều lần)",
      "--failed": "một hệ thống chuyển không thành công trong khung thời gian và đã khôi phục lại, kèm lý do (dùng được nhiều lần)",
      "--retired": "các hệ thống đã tắt vào ngày --on, cách nhau bằng dấu phẩy (dùng được nhiều lần)",
      "--decommissioned": "các máy chủ đã thanh lý vào ngày --on, cách nhau bằng dấu phẩy (dùng được nhiều lần)",
      "--relocated": "các máy chủ đã chuyển về trung tâm giữ lại vào ngày --on, cách nhau bằng dấu phẩy (dùng được nhiều lần)",
      "--on": "ngày của --retired, --decommissioned, --relocated (YYYY-MM-DD)",
    },
  },
  check: {
    description: "kiểm tra các đối tượng Kubernetes theo bộ quy tắc (phân vùng cơ quan, bảo vệ theo cấp độ an toàn, an toàn khối lượng công việc, đối tượng nền tảng), không cần kết nối: bản kê của một stack và/hoặc tệp YAML bất kỳ",
    options: {
      "--stack": "kiểm tra các đối tượng mà `dcplan render --stack TÊN` ghi (stacks/Pulumi.<tên>.yaml), cùng dữ liệu kiểm kê và kế hoạch của stack đó",
      "--manifests": "kiểm tra mọi bản kê .yaml/.yml/.json trong tệp hay thư mục này (tệp nhiều tài liệu, List, kết quả helm template; thư mục helm/ của render là các bản phát hành Helm)",
      "--inventory": "dữ liệu kiểm kê cho biết hệ thống, cấp độ an toàn và RPO của từng namespace [của stack, với --stack; không có nếu không]",
      "--plan": "kế hoạch JSON cho biết cấp độ an toàn của từng hệ thống [của stack, với --stack]",
      "--policy-config": "mức độ và tham số của từng quy tắc, theo định dạng --policy-pack-config của Pulumi [policies/config/<stack>.json nếu có]",
      "--format": "định dạng báo cáo: text, json, sarif",
      "--out": "ghi báo cáo vào tệp này (an toàn, ghi xong mới thay) thay vì in ra màn hình",
      "--project": "thư mục gốc của dự án, nơi có Pulumi.yaml",
    },
  },
  diff: {
    description: "những gì thay đổi giữa hai kế hoạch: hệ thống đổi đợt, phương án, ngày hay trạng thái, máy chủ đổi ngày thanh lý, kết luận về thời hạn trước và sau",
    options: {
      "--format": "một trong text, md, json",
      "--out": "ghi vào tệp này (an toàn, ghi xong mới thay) thay vì in ra màn hình",
    },
    arguments: { old: "kế hoạch trước (JSON do `dcplan plan` ghi)", new: "kế hoạch sau" },
  },
};
