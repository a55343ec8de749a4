// UI strings. Field help and units come from the engine's schema, not from here.

export type Lang = 'en' | 'zh';

export type GroupName = 'Scenario' | 'Model' | 'Hardware' | 'Advanced';
export type TabView = 'prefill' | 'decode' | 'leaderboard' | 'maxbatch' | 'sweep' | 'frontier';

export interface Strings {
  title: string;
  docTitle: string;
  tagline: string;
  noTables: string;
  loading: string;
  loadFailed: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  languageLabel: string;
  configTitle: string;
  groups: Record<GroupName, string>;
  groupNotes: Partial<Record<GroupName, string>>;
  tabsLabel: string;
  tabs: Record<TabView, string>;
  tabIntro: Record<TabView, string>;
  otherView: (view: string) => string;
  errorsTitle: (n: number) => string;
  staleNote: string;
  resetAll: string;
  presetFrom: (name: string) => string;
  gpuPicker: {
    title: string;
    hint: string;
    useAll: string;
    up: (name: string) => string;
    down: (name: string) => string;
    custom: string;
  };
  hw: {
    title: string;
    hint: string;
    template: string;
    add: string;
    override: string;
    remove: (name: string) => string;
    row: (n: number) => string;
    overrides: string;
    adds: string;
  };
  filters: {
    label: string;
    gpu: string;
    ep: string;
    tp: string;
    batch: string;
    tpsFloor: string;
    all: string;
    reset: string;
    rows: (shown: number, total: number) => string;
    none: string;
  };
  sort: (column: string) => string;
  exportLabel: string;
  exportAs: (format: string) => string;
  legendTitle: string;
  layers: string;
  meaning: string;
  summary: string;
  notesTitle: string;
  notesIntro: string;
  footer: string;
  prefillCaption: (n: number) => string;
  tableCaption: Record<Exclude<TabView, 'prefill' | 'sweep'>, string>;
  compare: {
    label: string;
    pin: string;
    repin: string;
    clear: string;
    hint: string;
    title: string;
    changes: (n: number) => string;
    same: string;
    failed: string;
    baseLabel: (label: string) => string;
    baseline: string;
    tableNote: (keys: string) => string;
    cell: (value: string, change: string) => string;
    noMatch: string;
    newValue: string;
    matched: (n: number, total: number) => string;
  };
  sweep: {
    controls: string;
    param: string;
    from: string;
    to: string;
    step: string;
    points: (n: number) => string;
    metrics: string;
    batch: string;
    eps: string;
    group: string;
    byGpu: string;
    byEp: string;
    ep: (ep: number) => string;
    csv: string;
    csvTitle: string;
    csvBusy: string;
    png: string;
    pngTitle: string;
    computing: string;
    loadingCharts: string;
    noCanvas: string;
    tp: (tp: number) => string;
    noFit: string;
    hoverHint: string;
    baselineFailed: string;
    figureTitle: (param: string, batch: number) => string;
    summary: (panels: number, points: number) => string;
  };
  frontier: {
    xLabel: string;
    yLabel: string;
    floor: string;
    floorHint: string;
    chartTitle: string;
    bestTitle: (floor: number) => string;
    unreached: string;
    point: (ep: number, tp: number, batch: number) => string;
    hoverHint: string;
    baseTotal: string;
    change: string;
    tpsPerUser: string;
    totalPerGpu: string;
    rowsTitle: string;
  };
}

export const strings: Record<Lang, Strings> = {
  en: {
    title: 'ShallowSim',
    docTitle: 'ShallowSim — DeepSeek-V3/R1 inference throughput per GPU',
    tagline: 'DeepSeek-V3/R1 inference throughput per GPU — prefill and decode, by GPU, TP, EP and batch',
    noTables: 'Fix the problems above to see the tables.',
    loading: 'Loading the engine…',
    loadFailed: 'The calculation engine could not be loaded',
    copyLink: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Copy failed: the link is in the address bar',
    languageLabel: 'Language',
    configTitle: 'Configuration',
    groups: {
      Scenario: 'Scenario',
      Model: 'Model',
      Hardware: 'Hardware',
      Advanced: 'Advanced',
    },
    groupNotes: {
      Model: 'Picking a preset loads its values; any key you change overrides it.',
    },
    tabsLabel: 'Views',
    tabs: {
      prefill: 'Prefill',
      decode: 'Decode',
      leaderboard: 'Leaderboard',
      maxbatch: 'Max batch',
      sweep: 'Sweep',
      frontier: 'Frontier',
    },
    tabIntro: {
      prefill:
        'Per-layer times (ms) for one prefill of seq_len tokens with attention TP = tp and DP = dp; summary rows cover all layers.',
      decode:
        'Every feasible (EP, GPU, batch, decode TP) combination. Red Delta: communication is not hidden and adds to TPOT.',
      leaderboard:
        'Best row per GPU × batch size by Total throughput per GPU; exact ties are all kept.',
      maxbatch: 'Largest decode batch per GPU whose KV cache fits in memory, per EP and decode TP.',
      sweep:
        'How decode throughput moves as one input varies: at each point the best decode TP for the batch size and each EP. A gap: the batch does not fit in memory there.',
      frontier:
        'Per GPU, the Pareto frontier of TPS per user against Total per GPU over every decode row (EP × TP × batch): no other row is faster for the user and better for the fleet.',
    },
    otherView: (view) =>
      `This link asks for the “${view}” view, which this page does not show yet. Pick a tab.`,
    errorsTitle: (n) => (n === 1 ? '1 problem in the configuration' : `${n} problems in the configuration`),
    staleNote: 'The tables show the last valid configuration until these are fixed.',
    resetAll: 'Reset to defaults',
    presetFrom: (name) => `Preset values from ${name}`,
    gpuPicker: {
      title: 'GPUs shown',
      hint: 'Tick to show, arrows to reorder. None ticked = every GPU in catalog order.',
      useAll: 'Show all',
      up: (name) => `Move ${name} up`,
      down: (name) => `Move ${name} down`,
      custom: 'custom',
    },
    hw: {
      title: 'Custom GPUs',
      hint: 'Add a GPU or override a catalog entry (same name). TFLOPS, GB, GB/s.',
      template: 'Start from',
      add: 'Add as new GPU',
      override: 'Override it',
      remove: (name) => `Remove ${name || 'row'}`,
      row: (n) => `Row ${n}`,
      overrides: 'overrides the catalog entry',
      adds: 'new GPU',
    },
    filters: {
      label: 'Filters',
      gpu: 'GPU',
      ep: 'EP',
      tp: 'TP',
      batch: 'Batch',
      tpsFloor: 'TPS ≥',
      all: 'All',
      reset: 'Clear filters',
      rows: (shown, total) => (shown === total ? `${total} rows` : `${shown} of ${total} rows`),
      none: 'No rows match these filters.',
    },
    sort: (column) => `Sort by ${column}`,
    exportLabel: 'Download',
    exportAs: (format) => `Download the rows shown (filters and sort applied) as ${format}`,
    legendTitle: 'Column definitions',
    layers: 'Layers',
    meaning: 'Meaning',
    summary: 'Summary',
    notesTitle: 'Model notes',
    notesIntro:
      'The engine reproduces the original ShallowSim exactly, including these behaviours. Know them before you quote a number.',
    footer:
      'Everything is computed in your browser by a C++ core compiled to WebAssembly. Numbers are model estimates, not measurements.',
    prefillCaption: (n) => `Prefill, ${n} GPU${n === 1 ? '' : 's'}: per-layer times in ms`,
    tableCaption: {
      decode: 'Decode: every feasible configuration',
      leaderboard: 'Leaderboard: best configuration per GPU and batch size',
      maxbatch: 'Maximum decode batch per GPU, EP and TP',
      frontier: 'Pareto frontier per GPU (TPS per user vs Total per GPU)',
    },
    compare: {
      label: 'A/B comparison',
      pin: 'Pin as baseline',
      repin: 'Pin current as baseline',
      clear: 'Clear baseline',
      hint: 'Pin this configuration, then change inputs: every table and chart shows the change against it.',
      title: 'Compared with the pinned baseline',
      changes: (n) => (n === 1 ? '1 setting differs:' : `${n} settings differ:`),
      same: 'No setting differs from the baseline yet: change an input.',
      failed: 'The baseline cannot be computed:',
      baseLabel: (label) => `${label} (baseline)`,
      baseline: 'Baseline (dashed)',
      tableNote: (keys) =>
        `Each value shows its change against the baseline row with the same ${keys}; hover a cell for the baseline's value. Green is better.`,
      cell: (value, change) => `Baseline ${value} (${change})`,
      noMatch: 'No baseline row with the same key',
      newValue: 'new',
      matched: (n, total) => `${n} of ${total} match the baseline`,
    },
    sweep: {
      controls: 'Sweep settings',
      param: 'Vary',
      from: 'From',
      to: 'To',
      step: 'Step',
      points: (n) => `${n} point${n === 1 ? '' : 's'}`,
      metrics: 'Metrics',
      batch: 'Batch size',
      eps: 'EP lines',
      group: 'Panels',
      byGpu: 'Per GPU, a line per EP',
      byEp: 'Per EP, a line per GPU',
      ep: (ep) => `EP ${ep}`,
      csv: 'CSV',
      csvTitle: 'Download the full sweep table (best row per GPU, batch and EP at each point), as the CLI writes it',
      csvBusy: 'Preparing CSV…',
      png: 'PNG',
      pngTitle: 'Download the charts as one PNG image',
      computing: 'Computing…',
      loadingCharts: 'Loading charts…',
      noCanvas: 'This browser cannot draw the charts (no canvas); the CSV has every value.',
      tp: (tp) => `TP ${tp}`,
      noFit: 'does not fit',
      hoverHint: 'Hover a chart for exact values and the TP chosen.',
      baselineFailed: 'The baseline cannot be swept this way:',
      figureTitle: (param, batch) => `${param} sweep · batch ${batch}`,
      summary: (panels, points) => `${panels} chart${panels === 1 ? '' : 's'} × ${points} points`,
    },
    frontier: {
      xLabel: 'TPS per user (tok/s)',
      yLabel: 'Total per GPU (tok/s)',
      floor: 'TPS per user ≥',
      floorHint: 'The interactivity target (tps_floor): rows at or above it meet it. 0 = none.',
      chartTitle: 'Throughput–interactivity frontier',
      bestTitle: (floor) =>
        floor > 0 ? `Best Total per GPU at ≥ ${floor} TPS per user` : 'Best Total per GPU (no floor)',
      unreached: 'nothing reaches the floor',
      point: (ep, tp, batch) => `EP ${ep} · TP ${tp} · batch ${batch}`,
      hoverHint: 'Hover a point for its configuration.',
      baseTotal: 'Baseline Total',
      change: 'Change',
      tpsPerUser: 'TPS per user',
      totalPerGpu: 'Total per GPU',
      rowsTitle: 'Every frontier row',
    },
  },
  zh: {
    title: 'ShallowSim',
    docTitle: 'ShallowSim — DeepSeek-V3/R1 单卡推理吞吐',
    tagline: 'DeepSeek-V3/R1 单卡推理吞吐 —— 按 GPU、TP、EP 与批大小计算 prefill 与 decode',
    noTables: '请先修正上面的问题，表格才会显示。',
    loading: '正在加载计算引擎…',
    loadFailed: '无法加载计算引擎',
    copyLink: '复制链接',
    copied: '链接已复制',
    copyFailed: '复制失败：链接就在地址栏中',
    languageLabel: '语言',
    configTitle: '配置',
    groups: {
      Scenario: '场景',
      Model: '模型',
      Hardware: '硬件',
      Advanced: '高级',
    },
    groupNotes: {
      Model: '选择预设会载入其参数；单独修改的参数会覆盖预设。',
    },
    tabsLabel: '视图',
    tabs: {
      prefill: 'Prefill',
      decode: 'Decode',
      leaderboard: '排行榜',
      maxbatch: '最大批大小',
      sweep: '参数扫描',
      frontier: '帕累托前沿',
    },
    tabIntro: {
      prefill:
        '一次 seq_len 长度 prefill 的每层耗时（ms），注意力 TP = tp、DP = dp；汇总行为全部层的合计。',
      decode: '所有可行的 (EP, GPU, 批大小, decode TP) 组合。Delta 标红：通信未被掩盖，计入 TPOT。',
      leaderboard: '每个 GPU × 批大小按单卡总吞吐 Total 取最优行；完全相同的并列行全部保留。',
      maxbatch: '每个 GPU 在各 EP 与 decode TP 下 KV-Cache 能放下的最大 decode 批大小。',
      sweep:
        '某个输入变化时 decode 吞吐如何变化：每个点取该批大小与各 EP 下最优的 decode TP。曲线断开：该点显存放不下这个批大小。',
      frontier:
        '每个 GPU 在所有 decode 行（EP × TP × 批大小）上每用户 TPS 与单卡 Total 的帕累托前沿：没有别的行对用户更快、同时对集群更好。',
    },
    otherView: (view) => `此链接请求“${view}”视图，本页面暂未提供。请选择一个标签页。`,
    errorsTitle: (n) => `配置中有 ${n} 个问题`,
    staleNote: '修正之前，表格保留上一次有效配置的结果。',
    resetAll: '恢复默认值',
    presetFrom: (name) => `${name} 的预设值`,
    gpuPicker: {
      title: '显示的 GPU',
      hint: '勾选以显示，箭头调整顺序。全部不勾选 = 按目录顺序显示所有 GPU。',
      useAll: '全部显示',
      up: (name) => `上移 ${name}`,
      down: (name) => `下移 ${name}`,
      custom: '自定义',
    },
    hw: {
      title: '自定义 GPU',
      hint: '新增 GPU，或以相同名称覆盖目录中的条目。单位：TFLOPS、GB、GB/s。',
      template: '基于',
      add: '添加为新 GPU',
      override: '覆盖该 GPU',
      remove: (name) => `删除 ${name || '此行'}`,
      row: (n) => `第 ${n} 行`,
      overrides: '覆盖目录条目',
      adds: '新 GPU',
    },
    filters: {
      label: '筛选',
      gpu: 'GPU',
      ep: 'EP',
      tp: 'TP',
      batch: '批大小',
      tpsFloor: 'TPS ≥',
      all: '全部',
      reset: '清除筛选',
      rows: (shown, total) => (shown === total ? `${total} 行` : `${shown} / ${total} 行`),
      none: '没有符合筛选条件的行。',
    },
    sort: (column) => `按 ${column} 排序`,
    exportLabel: '下载',
    exportAs: (format) => `将当前显示的行（含筛选与排序）下载为 ${format}`,
    legendTitle: '列定义',
    layers: '层数',
    meaning: '解释',
    summary: '汇总',
    notesTitle: '模型说明',
    notesIntro: '引擎完全复现原版 ShallowSim，包括以下行为。引用数字之前请先了解它们。',
    footer: '所有计算都在浏览器中完成（C++ 核心编译为 WebAssembly）。数字为模型估算，而非实测。',
    prefillCaption: (n) => `Prefill，${n} 个 GPU：每层耗时（ms）`,
    tableCaption: {
      decode: 'Decode：所有可行配置',
      leaderboard: '排行榜：每个 GPU 与批大小的最优配置',
      maxbatch: '每个 GPU、EP 与 TP 下的最大 decode 批大小',
      frontier: '每个 GPU 的帕累托前沿（每用户 TPS 对单卡 Total）',
    },
    compare: {
      label: 'A/B 对比',
      pin: '固定为基线',
      repin: '将当前配置设为基线',
      clear: '清除基线',
      hint: '固定当前配置，再修改输入：所有表格与图表都会显示相对基线的变化。',
      title: '与固定的基线对比',
      changes: (n) => `${n} 项设置不同：`,
      same: '当前配置与基线尚无差别：请修改输入。',
      failed: '无法计算基线：',
      baseLabel: (label) => `${label}（基线）`,
      baseline: '基线（虚线）',
      tableNote: (keys) =>
        `每个数值旁显示相对基线中 ${keys} 相同的行的变化；鼠标悬停可看基线数值。绿色表示更好。`,
      cell: (value, change) => `基线 ${value}（${change}）`,
      noMatch: '基线中没有相同键的行',
      newValue: '新增',
      matched: (n, total) => `${total} 行中 ${n} 行与基线匹配`,
    },
    sweep: {
      controls: '扫描设置',
      param: '变化的参数',
      from: '起点',
      to: '终点',
      step: '步长',
      points: (n) => `${n} 个点`,
      metrics: '指标',
      batch: '批大小',
      eps: 'EP 曲线',
      group: '分图',
      byGpu: '每个 GPU 一图，每个 EP 一条线',
      byEp: '每个 EP 一图，每个 GPU 一条线',
      ep: (ep) => `EP ${ep}`,
      csv: 'CSV',
      csvTitle: '下载完整的扫描表（每个点上每个 GPU、批大小与 EP 的最优行），与命令行输出相同',
      csvBusy: '正在生成 CSV…',
      png: 'PNG',
      pngTitle: '将所有图表下载为一张 PNG 图片',
      computing: '计算中…',
      loadingCharts: '正在加载图表…',
      noCanvas: '此浏览器无法绘制图表（不支持 canvas）；CSV 中有全部数值。',
      tp: (tp) => `TP ${tp}`,
      noFit: '放不下',
      hoverHint: '鼠标悬停在图上可查看精确数值与所选 TP。',
      baselineFailed: '基线无法按此方式扫描：',
      figureTitle: (param, batch) => `${param} 扫描 · 批大小 ${batch}`,
      summary: (panels, points) => `${panels} 张图 × ${points} 个点`,
    },
    frontier: {
      xLabel: '每用户 TPS (tok/s)',
      yLabel: '单卡 Total (tok/s)',
      floor: '每用户 TPS ≥',
      floorHint: '交互性目标（tps_floor）：不低于它的行满足目标。0 = 不设目标。',
      chartTitle: '吞吐–交互性前沿',
      bestTitle: (floor) => (floor > 0 ? `每用户 TPS ≥ ${floor} 时每个 GPU 的最佳 Total` : '每个 GPU 的最佳 Total（无下限）'),
      unreached: '没有配置达到该下限',
      point: (ep, tp, batch) => `EP ${ep} · TP ${tp} · 批大小 ${batch}`,
      hoverHint: '鼠标悬停在点上可查看其配置。',
      baseTotal: '基线 Total',
      change: '变化',
      tpsPerUser: '每用户 TPS',
      totalPerGpu: '单卡 Total',
      rowsTitle: '前沿上的全部行',
    },
  },
};
