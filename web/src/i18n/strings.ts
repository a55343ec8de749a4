// UI strings. Field help and units come from the engine's schema, not from here.

export type Lang = 'en' | 'zh';


export interface Strings {
  title: string;
  docTitle: string;
  tagline: string;
  /** The prefill table's corner cell, explained. */
  prefillCorner: string;
  noTables: string;
  loading: string;
  loadFailed: string;
  copyLink: string;
  skipToViews: string;
  /** The ± beside a table's Total: what it is. */
  bandTitle: string;
  /** Plan and Serve: which lengths the view uses and how they relate to the tables'. */
  lengthsNote: string;
  copied: string;
  copyFailed: string;
  languageLabel: string;
  configTitle: string;
  tabsLabel: string;
  otherView: (view: string) => string;
  errorsTitle: (n: number) => string;
  staleNote: string;
  resetAll: string;
  presetFrom: (name: string) => string;
  gpuPicker: {
    title: string;
    hint: string;
    useAll: string;
    none: string;
    only: (name: string) => string;
    onlyShort: string;
    up: (name: string) => string;
    down: (name: string) => string;
    custom: string;
  };
  hw: {
    title: string;
    hint: string;
    template: string;
    blank: string;
    meanings: string;
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
    tpsFloorHint: string;
    all: string;
    reset: string;
    rows: (shown: number, total: number) => string;
    none: string;
    nothingFits: string;
  };
  columns: {
    title: (shown: number, total: number) => string;
    reset: string;
  };
  sort: (column: string) => string;
  /** Read out before a sortable column header. */
  sortPrefix: string;
  exportLabel: string;
  exportAs: (format: string) => string;
  legendTitle: string;
  gpuCount: (n: number) => string;
  layers: string;
  meaning: string;
  summary: string;
  notesTitle: string;
  notesIntro: string;
  corrected: string;
  kept: string;
  effect: (e: import('../engine').CorrectionEffect, pct: (v: number) => string) => string;
  footer: string;
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
    bestNote: (keys: string) => string;
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
    series: string;
    seriesTitle: string;
    stop: string;
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
  reality: {
    reference: string;
    calibrated: string;
    measured: string;
    median: string;
    worst: string;
    tierA: string;
    tierAB: string;
    rows: (n: number) => string;
    outOfSample: string;
    allRows: (n: number, inSample: number) => string;
    note: (cal: string) => string;
    chartTitle: string;
    xLabel: string;
    yLabel: string;
    hoverHint: string;
    checked: (list: string) => string;
    unchecked: (list: string) => string;
    open: string;
    openDecode: string;
    openPrefill: string;
    openServe: string;
  };
  catalog: {
    title: string;
    sources: string;
    noSource: string;
    price: string;
    warnings: string;
  };
  breakdown: {
    prefill: string;
    decode: string;
    sum: string;
    step: string;
    row: string;
  };
  fit: {
    title: string;
    changed: string;
    default: (value: string) => string;
    nothingFits: string;
  };
  plan: {
    targets: string;
    best: string;
    answer: (gpu: string, output: string, usd: string, tps: string) => string;
    /** The ± band beside the headline: the measured error of this regime. */
    band: (pct: string) => string;
    servingName: (serving: string) => string;
    how: (p: { prefill: string; decode: string; pd: string; ttft: string; tpot: string }) => string;
    howAgg: (p: { instance: string; layout: string; batch: string; ttft: string; tpot: string }) => string;
    fleet: (gpus: string, prefill: string, decode: string, usd: string) => string;
    fleetAgg: (gpus: string, instances: string, usd: string) => string;
    ideal: (ideal: string) => string;
    assumes: (moe: string, kv: string, mtp: string) => string;
    mixedPrecision: (list: string) => string;
    samePrecision: string;
    referenceError: (pct: string) => string;
    useCalibrated: string;
    openServe: string;
    planning: string;
    prefillShape: (tp: string, dp: string, tokens: string) => string;
    decodeShape: (ep: string, tp: string, batch: string) => string;
    none: string;
    misses: string;
    outputTitle: string;
    costTitle: string;
    ratioTitle: string;
    xTps: string;
    yOutput: string;
    yCost: string;
    xRatio: string;
    yRatio: string;
    hoverHint: string;
    ratioHint: string;
    prices: string;
    model: string;
    openDecode: string;
    openPrefill: string;
    /** What stops a larger decode batch (the plan's Limit column). */
    limit: (limit: string) => string;
  };
  model: {
    option: (name: string, total: string, active: string, kvKib: string) => string;
    attention: string;
    params: string;
    paramsValue: (total: string, active: string) => string;
    kv: string;
    kvValue: (bytes: string, fixedMib: string) => string;
    weights: string;
    weightsValue: (fp8: string, fp4: string) => string;
    importTitle: string;
    importHint: string;
    importPlaceholder: string;
    importApply: string;
    importFile: string;
    imported: (name: string) => string;
    tooBig: (bytes: number, max: number) => string;
  };
  serve: {
    answer: (p: { gpu: string; serving: string; gpus: string; concurrency: string; total: string; output: string }) => string;
    latency: (p: { tps: string; ttft: string; tpot: string; batch: string }) => string;
    bound: (bound: string) => string;
    /** num_prompts: the benchmark's last, smaller wave (Tail_pct). */
    tail: (p: { prompts: string; pct: string }) => string;
    band: string;
    none: string;
    inputs: string;
    misses: string;
    cacheHits: (pct: string) => string;
    noCacheHits: string;
    alignOwn: string;
    alignTogether: string;
    alignOwnButton: string;
    alignTogetherButton: string;
  };
  mode: {
    reference: string;
    calibrated: (cal: string) => string;
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
    prefillCorner: 'The GPUs run across the header; each row is one part of a layer, in ms.',
    tagline: 'MoE inference throughput per GPU (DeepSeek-V3/R1 and models of its shape) — prefill and decode, by GPU, TP, EP and batch',
    noTables: 'Fix the problems above to see the tables.',
    loading: 'Loading the engine…',
    loadFailed: 'The calculation engine could not be loaded',
    copyLink: 'Copy link',
    skipToViews: 'Skip to the views',
    bandTitle:
      "This row's regime (model, GPU family, batch, context) errs by this median against published measurements, in this mode (Reality check view)",
    lengthsNote:
      'This view uses isl and osl (a request\'s prompt and output). The Prefill and Decode tables use seq_len and decode_len instead: a plan\'s decode row reads seq_len = isl + ⌊osl/2⌋ (the mean context) and holds isl + osl in memory; its prefill row has seq_len = isl. The links below open them with those values.',
    copied: 'Link copied',
    copyFailed: 'Copy failed: the link is in the address bar',
    languageLabel: 'Language',
    configTitle: 'Configuration',
    tabsLabel: 'Views',
    otherView: (view) =>
      `This link asks for the “${view}” view, which this page does not show yet. Pick a tab.`,
    errorsTitle: (n) => (n === 1 ? '1 problem in the configuration' : `${n} problems in the configuration`),
    staleNote: 'The tables show the last valid configuration until these are fixed.',
    resetAll: 'Reset to defaults',
    presetFrom: (name) => `Preset values from ${name}`,
    gpuPicker: {
      title: 'GPUs shown',
      hint: 'Tick to show, arrows to reorder, “only” to show one. All = every GPU in catalog order.',
      useAll: 'All',
      none: 'None',
      only: (name) => `Show only ${name}`,
      onlyShort: 'only',
      up: (name) => `Move ${name} up`,
      down: (name) => `Move ${name} down`,
      custom: 'custom',
    },
    hw: {
      title: 'Custom GPUs',
      hint: 'Add a GPU (blank, or a copy of a catalog entry) or override a catalog entry (same name).',
      template: 'Start from',
      blank: 'blank (type every figure)',
      meanings: 'What each field means',
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
      tpsFloor: 'TPS per user ≥',
      tpsFloorHint:
        'tps_floor: the per-user speed a service needs (tok/s). Rows below it are out of the running: hidden here, never the best row of the leaderboard, marked on the frontier.',
      all: 'All',
      reset: 'Clear filters and order',
      rows: (shown, total) => (shown === total ? `${total} rows` : `${shown} of ${total} rows`),
      none: 'No rows match these filters.',
      nothingFits: 'No configuration fits in memory.',
    },
    columns: {
      title: (shown, total) => `Columns (${shown} of ${total})`,
      reset: 'Default columns',
    },
    sort: (column) => `Sort by ${column}`,
    sortPrefix: 'Sort by',
    exportLabel: 'Download',
    exportAs: (format) => `Download the rows shown (filters and sort applied) as ${format}`,
    legendTitle: 'Column definitions',
    gpuCount: (n) => `${n} GPU${n === 1 ? '' : 's'}`,
    layers: 'Layers',
    meaning: 'Meaning',
    summary: 'Summary',
    notesTitle: 'Model notes',
    notesIntro:
      'Reference mode reproduces the original ShallowSim exactly, including these behaviours. Calibrated mode corrects those marked so (keep= switches a correction off). Know them before you quote a number.',
    corrected: 'Calibrated mode:',
    kept: 'Calibrated mode too:',
    effect: (e, pct) =>
      `Switching this correction off changes ${e.decodeChanged} of ${e.decodeRows} default decode rows (median Total ${e.decodeTotalPct > 0 ? '+' : ''}${pct(e.decodeTotalPct)} %) and ${e.prefillChanged} of ${e.prefillGpus} prefill GPUs (median ${e.prefillTpsPct > 0 ? '+' : ''}${pct(e.prefillTpsPct)} %).`,
    footer:
      'Everything is computed in your browser by a C++ core compiled to WebAssembly. Numbers are model estimates, not measurements.',
    compare: {
      label: 'A/B comparison',
      pin: 'Pin as baseline',
      repin: 'Pin current as baseline',
      clear: 'Clear baseline',
      hint: 'Pin this configuration, then change inputs (the model, a GPU, the mode…): every table and chart shows the change against it.',
      title: 'Compared with the pinned baseline',
      changes: (n) => (n === 1 ? '1 setting differs:' : `${n} settings differ:`),
      same: 'No setting differs from the baseline yet: change an input.',
      failed: 'The baseline cannot be computed:',
      baseLabel: (label) => `${label} (baseline)`,
      baseline: 'Baseline (dashed)',
      tableNote: (keys) =>
        `Each value shows its change against the baseline row with the same ${keys}; hover a cell for the baseline's value. Green is better; identity columns have no change.`,
      bestNote: (keys) =>
        `Best with best: each GPU's best row per ${keys} is compared with the baseline's best row for the same GPU and ${keys}, whatever EP and TP each chose. Green is better.`,
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
      series: 'CSV (plotted)',
      seriesTitle: 'Download exactly the plotted lines: one row per point, GPU, EP and metric',
      stop: 'memory limit (the line ends: the batch no longer fits)',
      png: 'PNG',
      pngTitle: 'Download the charts as one PNG image',
      computing: 'Computing…',
      loadingCharts: 'Loading charts…',
      noCanvas: 'This browser cannot draw the charts (no canvas); the CSV has every value.',
      tp: (tp) => `TP ${tp}`,
      noFit: 'does not fit',
      hoverHint: 'Hover or tap a chart for exact values and the TP chosen.',
      baselineFailed: 'The baseline cannot be swept this way:',
      figureTitle: (param, batch) => `${param} sweep · batch ${batch}`,
      summary: (panels, points) => `${panels} chart${panels === 1 ? '' : 's'} × ${points} points`,
    },
    reality: {
      reference: 'reference',
      calibrated: 'calibrated',
      measured: 'measured',
      median: 'median |error|',
      worst: 'worst',
      tierA: 'Tier A (controlled benchmarks)',
      tierAB: 'Tiers A + B',
      rows: (n) => `${n} deployment${n === 1 ? '' : 's'}`,
      outOfSample: 'out of sample',
      allRows: (n, inSample) => `all ${n}, with the ${inSample} whose source also supplied a constant`,
      note: (cal) =>
        `Calibration ${cal}. Rows whose batch or length the source does not state use the assumption shown, and count in the statistics. No constant is set from these rows' throughputs; from 2026-12b the overlap constants come from the blog of the four SGLang H100 rows, so those rows are not an independent check (docs/CALIBRATION.md).`,
      chartTitle: 'Model vs measured, tokens/s per GPU',
      xLabel: 'measured (tok/s/GPU)',
      yLabel: 'predicted (tok/s/GPU)',
      hoverHint: 'Hover or tap a point for its deployment; the band is ±15 %.',
      checked: (list) => `Checked against published deployments: ${list}.`,
      unchecked: (list) =>
        `Not checked against any: ${list}. Their calibrated numbers rest on kernel measurements alone.`,
      open: 'Scenario',
      openDecode: 'open in Decode',
      openPrefill: 'open in Prefill',
      openServe: 'open in Serve',
    },
    catalog: {
      title: 'Hardware: every GPU the tables can use',
      sources: 'Where the figures come from',
      noSource: 'No source: figures as entered.',
      price: 'price',
      warnings: 'Figures the model would use in a way you may not expect',
    },
    breakdown: {
      prefill: 'Where the prefill time goes: all layers, ms and share of Sum',
      decode:
        'Where a decode step goes: the first row of each GPU as sorted and filtered (sort or filter to choose the row), all layers, ms and share',
      sum: 'Sum ms',
      step: 'Step ms',
      row: 'GPU · EP · TP · batch',
    },
    fit: {
      title: 'Not in the results: nothing fits in memory',
      changed: 'Advanced settings changed:',
      default: (v) => `default ${v}`,
      nothingFits: 'Nothing fits in memory: the reasons are above the table.',
    },
    plan: {
      targets: 'Workload and targets',
      best: 'Best plan',
      answer: (gpu, output, usd, tps) =>
        `${gpu}: ${output} output tok/s per GPU, $${usd} per million output tokens, ${tps} tok/s per user`,
      how: (p) =>
        `Prefill ${p.prefill}; decode ${p.decode}; ${p.pd} prefill GPUs per decode GPU. TTFT ${p.ttft}, TPOT ${p.tpot}.`,
      band: (pct) => `(throughput ± ${pct} %: this regime's measured error)`,
      servingName: (serving) => (serving === 'agg' ? 'aggregated' : 'disaggregated'),
      howAgg: (p) =>
        `One instance of ${p.instance} GPUs serves prefill and decode (${p.layout}), ${p.batch} requests per GPU in flight. TTFT ${p.ttft}, TPOT ${p.tpot}.`,
      fleet: (gpus, prefill, decode, usd) =>
        `Deployment: ${gpus} GPUs (${prefill} prefill + ${decode} decode instances), $${usd} per hour.`,
      fleetAgg: (gpus, instances, usd) => `Deployment: ${gpus} GPUs (${instances} instances), $${usd} per hour.`,
      ideal: (ideal) => `With fractional prefill GPUs (not deployable) it would be ${ideal} output tok/s per GPU.`,
      assumes: (moe, kv, mtp) => `Assumes ${moe.toUpperCase()} experts, ${kv.toUpperCase()} KV cache, MTP ${mtp}.`,
      mixedPrecision: (list) =>
        `The GPUs compare at different expert precisions (${list}): the precision, not only the GPU, can decide which is cheaper.`,
      samePrecision: 'Same precision for every GPU (FP8 experts)',
      referenceError: (pct) =>
        `Reference mode reproduces the original notebook; against published measurements of this regime it errs by a median ${pct} %.`,
      useCalibrated: 'Use calibrated mode',
      openServe: 'as a serving benchmark',
      planning: 'Planning…',
      prefillShape: (tp, dp, tokens) => `TP ${tp} × DP ${dp}, ${tokens} tokens per batch`,
      decodeShape: (ep, tp, batch) => `EP ${ep}, TP ${tp}, ${batch} requests per GPU`,
      none: 'No GPU meets every target; the reasons follow.',
      misses: 'Targets not met',
      outputTitle: 'Output tok/s per GPU vs tok/s per user (best prefill under the TTFT target)',
      costTitle: 'USD per million output tokens vs tok/s per user',
      ratioTitle: 'Prefill GPUs per decode GPU as isl/osl varies (isl + osl held)',
      xTps: 'tok/s per user',
      yOutput: 'output tok/s per GPU',
      yCost: 'USD per M output tokens',
      xRatio: 'isl / osl',
      yRatio: 'prefill GPUs per decode GPU',
      hoverHint: 'Hover or tap a curve for its value; the vertical line is the TPOT target.',
      ratioHint: 'Hover or tap a point for its value; each point is a full plan at that isl/osl.',
      prices: 'Prices (USD per GPU-hour)',
      model:
        'How the plan is made: serving=best tries both ways of serving and keeps the better per GPU. Disaggregated: prefill instances (TP 1–8 × DP 1–64; in calibrated mode batches of 1, 2, 4… prompts) whose forward leaves the queue room (1.8 × forward ≤ ttft_ms, the allowance NVIDIA AIConfigurator applies); decode instances (the EP and decode TP lists, batches 1–4096) with TPOT ≤ tpot_ms at the mean context isl + osl/2 and the KV cache of isl + osl tokens in memory; as many whole prefill instances as keep TTFT — the forward with its queue (M/D/1 at the pool\'s load: a planner sizes for a rate, not a fixed number of requests in flight), the KV transfer and a decode step — within ttft_ms. The deployment is one decode instance and those prefill instances (load= sizes it to a demand, gpus_total= to a budget). Aggregated: one instance of 8 GPUs (4 or 8 in an NVL72 rack) runs chunked prefill beside decode, at the most requests in flight that meet both targets. Throughput per GPU counts every GPU of the deployment.',
      openDecode: 'decode row',
      openPrefill: 'prefill',
      limit: (limit) =>
        limit === 'memory'
          ? 'Memory limits the batch (the KV cache of isl + osl), not the targets.'
          : limit === 'tpot'
            ? 'The TPOT target limits the decode batch (more would fit in memory).'
            : limit === 'sizing'
              ? 'A smaller decode batch than the TPOT target allows delivers more per GPU: its shorter step leaves the prefill queue room under the TTFT target, or its prefill instances round better.'
              : 'The TPOT and TTFT targets limit the requests in flight.',
    },
    model: {
      option: (name, total, active, kv) => `${name} — ${total}B total, ${active}B active, ${kv} KiB KV/token at BF16`,
      attention: 'Attention',
      params: 'Parameters',
      paramsValue: (total, active) => `${total}B total, ${active}B active per token`,
      kv: 'KV cache',
      kvValue: (bytes, fixed) => `${bytes} B per token at kv_dtype${fixed ? ` + ${fixed} MiB per request (windows)` : ''}`,
      weights: 'Weights',
      weightsValue: (fp8, fp4) => `${fp8} GB with FP8 experts, ${fp4} GB with FP4`,
      importTitle: 'Import a config.json',
      importHint:
        "Paste a Hugging Face config.json or drop the file here: DeepSeek-V3/V3.2/V4, Kimi-K2, Qwen3-MoE, GPT-OSS, GLM-4 MoE, MiniMax-M2. It is read in this page; nothing is sent anywhere.",
      importPlaceholder: '{ "architectures": ["DeepseekV3ForCausalLM"], … }',
      importApply: 'Import',
      importFile: 'Choose a file…',
      imported: (name) => `Imported${name ? ` ${name}` : ''}: the link now holds its model.`,
      tooBig: (bytes, max) => `The file is ${bytes} bytes; at most ${max} are read.`,
    },
    serve: {
      answer: (p) =>
        `${p.gpu}, ${p.serving === 'agg' ? 'aggregated' : 'disaggregated'} on ${p.gpus} GPUs at ${p.concurrency} requests in flight: ${p.total} tok/s per GPU (input + output; ${p.output} output)`,
      latency: (p) =>
        `${p.tps} tok/s per user; TTFT ${p.ttft} ms, TPOT ${p.tpot} ms; ${p.batch} requests decoding per GPU.`,
      bound: (bound) =>
        bound === 'prefill'
          ? 'Prefill sets the rate: prompts queue for it.'
          : bound === 'memory'
            ? 'Memory sets the rate: requests wait for KV-cache space.'
            : bound === 'max_running'
              ? 'The server’s max_running sets the rate: requests wait for a slot.'
              : 'Decode sets the rate.',
      tail: (p) =>
        `Its ${p.prompts} requests (num_prompts) end with a smaller wave that runs alone: ${p.pct} % below a steady stream.`,
      band: '± is the median error of this regime (GPU family, batch, context, serving) against published measurements.',
      none: 'No GPU can run this benchmark; the reasons follow.',
      inputs: 'The benchmark',
      misses: 'Cannot run',
      cacheHits: (pct) =>
        `Assumes ${pct} % of every prompt is a prefix-cache hit (kv_cache_rate) and not prefilled; a benchmark with random prompts has none.`,
      noCacheHits: 'No prefix hits (kv_cache_rate = 0)',
      alignOwn: 'Each attention-DP rank prefills on its own while the others wait (serve_align = 0, the frameworks’ default).',
      alignTogether:
        'The attention-DP ranks prefill together (serve_align = 1: TensorRT-LLM enable_balance, SGLang --enable-prefill-delayer).',
      alignOwnButton: 'Each on its own (serve_align = 0)',
      alignTogetherButton: 'Prefill together (serve_align = 1)',
    },
    mode: {
      reference: 'reference (the original ShallowSim)',
      calibrated: (cal) => `calibrated ${cal}`,
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
      hoverHint: 'Hover or tap a point for its configuration.',
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
    prefillCorner: '表头横向为各 GPU；每行是一层中的一个部分，单位 ms。',
    tagline: 'MoE 模型（DeepSeek-V3/R1 及同构模型）单卡推理吞吐 —— 按 GPU、TP、EP 与批大小计算 prefill 与 decode',
    noTables: '请先修正上面的问题，表格才会显示。',
    loading: '正在加载计算引擎…',
    loadFailed: '无法加载计算引擎',
    copyLink: '复制链接',
    skipToViews: '跳到视图',
    bandTitle: '该行所属场景（模型、GPU 家族、批大小、上下文）在本模式下相对公开实测的中位误差（见实测对照视图）',
    lengthsNote:
      '本视图使用 isl 与 osl（请求的输入与输出长度）。Prefill 与 Decode 表格使用 seq_len 与 decode_len：方案的 decode 行读取 seq_len = isl + ⌊osl/2⌋（平均上下文），显存按 isl + osl 计算；prefill 行的 seq_len = isl。下方链接会以这些值打开它们。',
    copied: '链接已复制',
    copyFailed: '复制失败：链接就在地址栏中',
    languageLabel: '语言',
    configTitle: '配置',
    tabsLabel: '视图',
    otherView: (view) => `此链接请求“${view}”视图，本页面暂未提供。请选择一个标签页。`,
    errorsTitle: (n) => `配置中有 ${n} 个问题`,
    staleNote: '修正之前，表格保留上一次有效配置的结果。',
    resetAll: '恢复默认值',
    presetFrom: (name) => `${name} 的预设值`,
    gpuPicker: {
      title: '显示的 GPU',
      hint: '勾选以显示，箭头调整顺序，“仅此”只显示一个。全部 = 按目录顺序显示所有 GPU。',
      useAll: '全部',
      none: '全不选',
      only: (name) => `只显示 ${name}`,
      onlyShort: '仅此',
      up: (name) => `上移 ${name}`,
      down: (name) => `下移 ${name}`,
      custom: '自定义',
    },
    hw: {
      title: '自定义 GPU',
      hint: '新增 GPU（空白，或复制目录中的条目），或以相同名称覆盖目录中的条目。',
      template: '基于',
      blank: '空白（逐项填写）',
      meanings: '各字段含义',
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
      tpsFloor: '每用户 TPS ≥',
      tpsFloorHint:
        'tps_floor：服务所需的每用户速度（tok/s）。低于它的行不参与比较：此处隐藏，不会成为排行榜最优行，在前沿图上标出。',
      all: '全部',
      reset: '清除筛选与排序',
      rows: (shown, total) => (shown === total ? `${total} 行` : `${shown} / ${total} 行`),
      none: '没有符合筛选条件的行。',
      nothingFits: '没有任何配置能放进显存。',
    },
    columns: {
      title: (shown, total) => `列（${shown} / ${total}）`,
      reset: '默认列',
    },
    sort: (column) => `按 ${column} 排序`,
    sortPrefix: '排序：',
    exportLabel: '下载',
    exportAs: (format) => `将当前显示的行（含筛选与排序）下载为 ${format}`,
    legendTitle: '列定义',
    gpuCount: (n) => `${n} 个 GPU`,
    layers: '层数',
    meaning: '解释',
    summary: '汇总',
    notesTitle: '模型说明',
    notesIntro:
      'reference 模式完全复现原版 ShallowSim，包括以下行为。calibrated 模式修正其中标明的部分（keep= 可关闭某项修正）。引用数字之前请先了解它们。',
    corrected: 'calibrated 模式：',
    kept: 'calibrated 模式同样：',
    effect: (e, pct) =>
      `关闭此修正会改变默认 decode 表 ${e.decodeRows} 行中的 ${e.decodeChanged} 行（Total 中位数 ${e.decodeTotalPct > 0 ? '+' : ''}${pct(e.decodeTotalPct)} %），以及 ${e.prefillGpus} 个 prefill GPU 中的 ${e.prefillChanged} 个（中位数 ${e.prefillTpsPct > 0 ? '+' : ''}${pct(e.prefillTpsPct)} %）。`,
    footer: '所有计算都在浏览器中完成（C++ 核心编译为 WebAssembly）。数字为模型估算，而非实测。',
    compare: {
      label: 'A/B 对比',
      pin: '固定为基线',
      repin: '将当前配置设为基线',
      clear: '清除基线',
      hint: '固定当前配置，再修改输入（模型、GPU、模式……）：所有表格与图表都会显示相对基线的变化。',
      title: '与固定的基线对比',
      changes: (n) => `${n} 项设置不同：`,
      same: '当前配置与基线尚无差别：请修改输入。',
      failed: '无法计算基线：',
      baseLabel: (label) => `${label}（基线）`,
      baseline: '基线（虚线）',
      tableNote: (keys) =>
        `每个数值旁显示相对基线中 ${keys} 相同的行的变化；鼠标悬停可看基线数值。绿色表示更好；标识列不显示变化。`,
      bestNote: (keys) =>
        `最优对最优：每个 GPU 在每个 ${keys} 下的最优行，与基线中同一 GPU、同一 ${keys} 的最优行比较（各自选择的 EP 与 TP 可以不同）。绿色表示更好。`,
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
      series: 'CSV（绘制的曲线）',
      seriesTitle: '只下载绘制的曲线：每行一个点、GPU、EP 与指标',
      stop: '显存上限（曲线在此结束：该批大小放不下）',
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
    reality: {
      reference: 'reference',
      calibrated: 'calibrated',
      measured: '实测',
      median: '|误差| 中位数',
      worst: '最大',
      tierA: 'A 级（受控基准）',
      tierAB: 'A + B 级',
      rows: (n) => `${n} 个部署`,
      outOfSample: '样本外',
      allRows: (n, inSample) => `全部 ${n} 个，含来源也提供了常数的 ${inSample} 个`,
      note: (cal) =>
        `校准版本 ${cal}。来源未说明批大小或长度的行使用所示假设，并计入统计。没有任何常数取自这些行的吞吐；自 2026-12b 起，重叠效率常数与四个 SGLang H100 行出自同一篇博客，因此这四行不是独立检验（docs/CALIBRATION.md）。`,
      chartTitle: '模型预测与实测对比（每卡 tokens/s）',
      xLabel: '实测 (tok/s/GPU)',
      yLabel: '预测 (tok/s/GPU)',
      hoverHint: '鼠标悬停查看部署；色带为 ±15 %。',
      checked: (list) => `已与公开部署对照：${list}。`,
      unchecked: (list) => `尚未对照：${list}。其校准数值仅基于内核测量。`,
      open: '场景',
      openDecode: '在 Decode 中打开',
      openPrefill: '在 Prefill 中打开',
      openServe: '在服务基准中打开',
    },
    catalog: {
      title: '硬件：表格可用的全部 GPU',
      sources: '数据来源',
      noSource: '无来源：按输入的数据。',
      price: '价格',
      warnings: '模型的使用方式可能出乎意料的数据',
    },
    breakdown: {
      prefill: 'Prefill 时间构成：全部层，毫秒与占 Sum 的比例',
      decode: '一个 decode 步的时间构成：按当前排序与筛选每个 GPU 的第一行（排序或筛选以选择该行），全部层，毫秒与占比',
      sum: 'Sum 毫秒',
      step: '单步毫秒',
      row: 'GPU · EP · TP · 批大小',
    },
    fit: {
      title: '未出现在结果中：显存放不下',
      changed: '已修改的高级设置：',
      default: (v) => `默认 ${v}`,
      nothingFits: '显存放不下任何配置：原因见表格上方。',
    },
    plan: {
      targets: '负载与目标',
      best: '最优方案',
      answer: (gpu, output, usd, tps) =>
        `${gpu}：每卡输出 ${output} token/s，每百万输出 token $${usd}，每用户 ${tps} token/s`,
      how: (p) =>
        `Prefill ${p.prefill}；decode ${p.decode}；每张 decode 卡配 ${p.pd} 张 prefill 卡。TTFT ${p.ttft}，TPOT ${p.tpot}。`,
      band: (pct) => `（吞吐 ± ${pct} %：该场景的实测误差）`,
      servingName: (serving) => (serving === 'agg' ? '聚合部署' : 'PD 分离'),
      howAgg: (p) =>
        `一个 ${p.instance} 卡实例同时承担 prefill 与 decode（${p.layout}），每卡 ${p.batch} 个在途请求。TTFT ${p.ttft}，TPOT ${p.tpot}。`,
      fleet: (gpus, prefill, decode, usd) =>
        `部署：共 ${gpus} 张卡（${prefill} 个 prefill 实例 + ${decode} 个 decode 实例），每小时 $${usd}。`,
      fleetAgg: (gpus, instances, usd) => `部署：共 ${gpus} 张卡（${instances} 个实例），每小时 $${usd}。`,
      ideal: (ideal) => `若 prefill 卡数可取小数（无法实际部署），每卡输出为 ${ideal} token/s。`,
      assumes: (moe, kv, mtp) => `假设专家权重 ${moe.toUpperCase()}、KV-Cache ${kv.toUpperCase()}、MTP ${mtp}。`,
      mixedPrecision: (list) => `各 GPU 的专家精度不同（${list}）：决定谁更便宜的可能是精度而不只是 GPU。`,
      samePrecision: '所有 GPU 使用相同精度（FP8 专家）',
      referenceError: (pct) => `reference 模式复现原版 notebook；与该场景的公开实测相比，其中位误差为 ${pct} %。`,
      useCalibrated: '改用 calibrated 模式',
      openServe: '作为服务基准',
      planning: '正在规划…',
      prefillShape: (tp, dp, tokens) => `TP ${tp} × DP ${dp}，每批 ${tokens} token`,
      decodeShape: (ep, tp, batch) => `EP ${ep}，TP ${tp}，每卡 ${batch} 个请求`,
      none: '没有 GPU 能满足全部目标，原因如下。',
      misses: '未满足的目标',
      outputTitle: '每卡输出 token/s 与每用户 token/s（TTFT 目标下的最优 prefill）',
      costTitle: '每百万输出 token 成本（美元）与每用户 token/s',
      ratioTitle: 'isl/osl 变化时每张 decode 卡所需 prefill 卡数（isl + osl 不变）',
      xTps: '每用户 token/s',
      yOutput: '每卡输出 token/s',
      yCost: '每百万输出 token 美元',
      xRatio: 'isl / osl',
      yRatio: '每张 decode 卡的 prefill 卡数',
      hoverHint: '悬停或点按曲线查看数值；竖线为 TPOT 目标。',
      ratioHint: '悬停或点按数据点查看数值；每个点都是该 isl/osl 下的完整方案。',
      prices: '价格（每 GPU 小时美元）',
      model:
        '规划方法：serving=best 同时尝试两种部署方式，按 GPU 取更优者。PD 分离：prefill 实例（TP 1–8 × DP 1–64；calibrated 模式下每批 1、2、4… 个提示）的前向需为排队留出余量（1.8 × 前向 ≤ ttft_ms，NVIDIA AIConfigurator 的系数）；decode 实例（EP 与 decode TP 列表，批大小 1–4096）需在平均上下文 isl + osl/2 下满足 TPOT ≤ tpot_ms，且 isl + osl 的 KV-Cache 放得下；prefill 实例取足够多的整数个，使 TTFT（前向及其排队——按池负载的 M/D/1：规划按速率而非固定的并发请求数定规模——加 KV 传输与一个 decode 步）≤ ttft_ms。部署为一个 decode 实例加这些 prefill 实例（load= 按需求、gpus_total= 按预算确定规模）。聚合：一个 8 卡实例（NVL72 机柜内 4 或 8 卡）在 decode 旁做分块 prefill，取满足两个目标的最大在途请求数。单卡吞吐按部署的全部 GPU 计算。',
      openDecode: 'decode 行',
      openPrefill: 'prefill',
      limit: (limit) =>
        limit === 'memory'
          ? '限制批大小的是显存（isl + osl 的 KV-Cache），而非目标。'
          : limit === 'tpot'
            ? '限制 decode 批大小的是 TPOT 目标（显存还能放下更多）。'
            : limit === 'sizing'
              ? '比 TPOT 目标允许的更小的 decode 批次每卡产出更多：步长更短，给 prefill 排队留出 TTFT 余量，或 prefill 实例取整更合适。'
              : 'TPOT 与 TTFT 目标限制了在途请求数。',
    },
    model: {
      option: (name, total, active, kv) => `${name} — 总参数 ${total}B，激活 ${active}B，每 token KV ${kv} KiB（BF16）`,
      attention: '注意力',
      params: '参数量',
      paramsValue: (total, active) => `总计 ${total}B，每 token 激活 ${active}B`,
      kv: 'KV-Cache',
      kvValue: (bytes, fixed) => `按 kv_dtype 每 token ${bytes} B${fixed ? `，另每请求 ${fixed} MiB（滑动窗口）` : ''}`,
      weights: '权重',
      weightsValue: (fp8, fp4) => `FP8 专家 ${fp8} GB，FP4 专家 ${fp4} GB`,
      importTitle: '导入 config.json',
      importHint:
        '粘贴 Hugging Face 的 config.json 或把文件拖到这里：DeepSeek-V3/V3.2/V4、Kimi-K2、Qwen3-MoE、GPT-OSS、GLM-4 MoE、MiniMax-M2。文件只在本页读取，不会发送到任何地方。',
      importPlaceholder: '{ "architectures": ["DeepseekV3ForCausalLM"], … }',
      importApply: '导入',
      importFile: '选择文件…',
      imported: (name) => `已导入${name ? ` ${name}` : ''}：链接已包含该模型。`,
      tooBig: (bytes, max) => `文件大小为 ${bytes} 字节；最多读取 ${max} 字节。`,
    },
    serve: {
      answer: (p) =>
        `${p.gpu}，${p.serving === 'agg' ? '聚合部署' : 'PD 分离'}，${p.gpus} 张卡，${p.concurrency} 个并发请求：每卡 ${p.total} token/s（输入 + 输出；输出 ${p.output}）`,
      latency: (p) => `每用户 ${p.tps} token/s；TTFT ${p.ttft} ms，TPOT ${p.tpot} ms；每卡 ${p.batch} 个请求在 decode。`,
      bound: (bound) =>
        bound === 'prefill'
          ? '速率由 prefill 决定：提示在排队。'
          : bound === 'memory'
            ? '速率由显存决定：请求等待 KV-Cache 空间。'
            : bound === 'max_running'
              ? '速率由服务器的 max_running 决定：请求等待运行名额。'
              : '速率由 decode 决定。',
      tail: (p) => `其 ${p.prompts} 个请求（num_prompts）最后一批较少、单独运行：比持续请求流低 ${p.pct}%。`,
      band: '± 为该场景（GPU 家族、批大小、上下文、部署方式）相对公开实测的中位误差。',
      none: '没有 GPU 能运行该基准，原因如下。',
      inputs: '基准设置',
      misses: '无法运行',
      cacheHits: (pct) => `假设每个提示有 ${pct}% 命中前缀缓存（kv_cache_rate），不做 prefill；随机提示的基准没有命中。`,
      noCacheHits: '无前缀命中（kv_cache_rate = 0）',
      alignOwn: '各注意力 DP rank 各自 prefill，其余等待（serve_align = 0，框架默认）。',
      alignTogether: '各注意力 DP rank 同时 prefill（serve_align = 1：TensorRT-LLM enable_balance、SGLang --enable-prefill-delayer）。',
      alignOwnButton: '各自 prefill（serve_align = 0）',
      alignTogetherButton: '同时 prefill（serve_align = 1）',
    },
    mode: {
      reference: 'reference（原版 ShallowSim）',
      calibrated: (cal) => `calibrated ${cal}`,
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
