#!/usr/bin/env python3
"""Selects InferenceMAX GPT-OSS-120B end-to-end rows for the reality set and writes them as
deployments.csv rows read through `serve` links (core/data/README.md states the rule).

select_inferencex_gptoss.py RAW_DIR > rows.csv

RAW_DIR: a copy of gminneci/mantile reconcile/sources/inferencemax/raw @ 1d3c259c, the verbatim
agg_bmk.json artifacts of InferenceMAX runs (one run_<id>/agg_bmk.json per run). The rule is
select_inferencex.py's, applied without looking at any prediction:
  - no speculative decoding, no TTFT outlier (mean TTFT > 3x median and > 1 s above it), a GPU
    of catalog 2026-12;
  - per configuration (GPU, framework, serving mode, lengths, parallelism) and concurrency, the
    newest run (run ids grow with time);
  - per configuration the lowest, the middle and the highest concurrency measured.
"""
import csv, json, os, sys
from collections import defaultdict

CAT = {'h100': 'H100', 'h200': 'H200', 'b200': 'DGX-B200', 'b200-trt': 'DGX-B200',
       'gb200': 'GB200-NVL72', 'mi355x': 'MI355X'}
# The KV element each recipe sets (InferenceX benchmarks/gptoss_fp4_*.sh @ e9a7193 and the ATOM
# script of cc35702b): vLLM on Hopper leaves it at auto (BF16); vLLM and TensorRT-LLM on B200
# and ATOM set FP8. The Dynamo GB200 artifacts do not record it; its TensorRT-LLM sweep scripts
# run FP8 (as for DeepSeek-R1).
KV = {('h100', 'vllm'): ('bf16', ''), ('h200', 'vllm'): ('bf16', ''),
      ('b200', 'vllm'): ('fp8', ''), ('b200-trt', 'trt'): ('fp8', ''),
      ('mi355x', 'atom'): ('fp8', ''),
      ('gb200', 'dynamo-trt'): ('fp8', 'KV type from the recipe (not in the result)')}
# Run dates of runs whose date is published (InferenceX dashboard, run pages); others are
# interpolated by run id and written with ~.
DATES = [(20356790608, '2025-12-19'), (20384527243, '2025-12-19'), (20413316138, '2025-12-21'),
         (20587342927, '2025-12-30'), (20621824084, '2025-12-31'), (20667906037, '2026-01-02'),
         (20720630953, '2026-01-05'), (20764588467, '2026-01-06'), (20832485469, '2026-01-08'),
         (20916838429, '2026-01-12'), (20972034325, '2026-01-13'), (21012127808, '2026-01-14')]


def date_of(run):
    from datetime import date, timedelta
    for r, d in DATES:
        if r == run:
            return d
    pts = [(r, date.fromisoformat(d).toordinal()) for r, d in DATES]
    lo = max([p for p in pts if p[0] < run], default=pts[0], key=lambda p: p[0])
    hi = min([p for p in pts if p[0] > run], default=pts[-1], key=lambda p: p[0])
    if lo == hi:
        lo, hi = (pts[0], pts[1]) if run < pts[0][0] else (pts[-2], pts[-1])
    t = lo[1] + (run - lo[0]) * (hi[1] - lo[1]) / (hi[0] - lo[0])
    return '~' + date.fromordinal(round(t)).isoformat()


def layout(x):
    if not x['disagg']:
        return f"TP{x['tp']} EP{x['ep']}" + (' DP-attention' if x['dp_attention'] == 'true' else '')
    p = 'DEP' if x['prefill_dp_attention'] == 'true' else 'TP'
    d = 'DEP' if x['decode_dp_attention'] == 'true' else ('TEP' if x['decode_ep'] > 1 else 'TP')
    return (f"prefill {x['prefill_num_workers']}x {p}{x['prefill_tp']}; decode "
            f"{x['decode_num_workers']}x {d}{x['decode_tp']}")


def link_of(x):
    """(link without mode, decode EP, decode TP, decode GPUs)."""
    isl, osl = round(0.9 * x['isl']), round(0.9 * x['osl'])
    kv = KV[(x['hw'], x['framework'])][0]
    parts = ['v=1', 'model=gpt-oss-120b', 'catalog=2026-12', f"gpus={CAT[x['hw']]}",
             f'isl={isl}', f'osl={osl}', 'moe_dtype=fp4', f'kv_dtype={kv}',
             f"concurrency={x['conc']}",
             # Random prompts: no prefix-cache hits (calibrated mode computes every token).
             'kv_cache_rate=0']
    if not x['disagg']:
        tp, ep, dpa = x['tp'], x['ep'], x['dp_attention'] == 'true'
        parts += ['serving=agg', f'serve_tp={tp}', f'serve_ep={ep if ep > 1 else 1}',
                  f'serve_dpa={1 if dpa else 0}']
        return '&'.join(parts), tp, 1 if dpa else tp, tp
    ptp, pdp = ((1, x['prefill_tp']) if x['prefill_dp_attention'] == 'true'
                else (x['prefill_tp'], 1))
    dg, dw = x['decode_tp'], x['decode_num_workers']
    parts += ['serving=disagg', f"prefill_gpus={x['num_prefill_gpu']}",
              f"decode_gpus={x['num_decode_gpu']}", f'tp={ptp}', f'dp={pdp}', f'ep={dg}']
    if x['decode_dp_attention'] == 'true':
        parts.append('decode_tp=1')
        return '&'.join(parts), dg, 1, dg * dw
    parts += [f'decode_tp={dg}', 'moe_comm=allreduce']
    if x['decode_ep'] <= 1:
        parts.append(f'moe_tp={dg}')
    return '&'.join(parts), dg, dg, dg * dw


# The framework= key of a row (calibration 2026-12d): the framework id of the run, where the
# calibration has that framework's kernel tables (dynamo-trt is TensorRT-LLM under Dynamo).
FRAMEWORK = {'trt': 'trtllm', 'dynamo-trt': 'trtllm', 'sglang': 'sglang', 'dynamo-sglang': 'sglang',
             'mori-sglang': 'sglang', 'sglang-disagg': 'sglang'}


def main():
    raw = sys.argv[1]
    groups = defaultdict(dict)
    for run_dir in sorted(os.listdir(raw)):
        path = os.path.join(raw, run_dir, 'agg_bmk.json')
        if not run_dir.startswith('run_') or not os.path.exists(path):
            continue
        try:
            points = json.load(open(path))
        except json.JSONDecodeError:
            continue  # two runs left empty files
        run = int(run_dir[4:])
        for x in points:
            if x.get('infmax_model_prefix') != 'gptoss' or x['spec_decoding'] != 'none':
                continue
            if x['hw'] not in CAT:
                continue
            if x['mean_ttft'] > 3 * x['median_ttft'] and x['mean_ttft'] > x['median_ttft'] + 1:
                continue
            x['_run'] = run
            key = (x['hw'], x['framework'], x['isl'], x['osl'], layout(x),
                   x['disagg'] and x['decode_ep'])
            best = groups[key].get(x['conc'])
            if best is None or run > best['_run']:
                groups[key][x['conc']] = x
    out = csv.writer(sys.stdout, lineterminator='\n')
    seen = set()
    for key in sorted(groups, key=str):
        concs = sorted(groups[key])
        for conc in sorted({concs[0], concs[len(concs) // 2], concs[-1]}):
            x = groups[key][conc]
            link, ep, tp, decode_gpus = link_of(x)
            gpu = CAT[x['hw']]
            fw = x['framework']
            mode = 'disagg' if x['disagg'] else 'agg'
            base = (f"ix-{x['hw'].split('-')[0]}-{fw}-gptoss120b-fp4-{mode}-{x['isl']}-"
                    f"{x['osl']}-c{conc}")
            ident, n = base, 1
            while ident in seen:  # the same point under another parallelism
                n += 1
                ident = f'{base}-{n}'
            seen.add(ident)
            kv, assumed = KV[(x['hw'], fw)]
            tpot = x['median_tpot']
            n_gpus = (x['num_prefill_gpu'] + x['num_decode_gpu']) if x['disagg'] else x['tp']
            notes = (f"{fw} {x['image'].split(':')[-1]}; {layout(x)}; median TPOT "
                     f"{tpot * 1000:.2f} ms, median TTFT {x['median_ttft'] * 1000:.0f} ms"
                     + (f'; {assumed}' if assumed else ''))
            source = ('github.com/gminneci/mantile reconcile/sources/inferencemax/raw/'
                      f"run_{x['_run']}/agg_bmk.json")
            # Tier B: per-point conditions come from the recipe, not stated with each result.
            out.writerow([ident, 'B', 'serve', source, date_of(x['_run']), f'{n_gpus} x {gpu}',
                          gpu, '', ep, tp, '', f'{conc / decode_gpus:g}', x['isl'], x['osl'], '',
                          0, '', 'fp4', kv, 1, repr(x['tput_per_gpu']),
                          'input+output tok/s per GPU (all GPUs)', f'{1 / tpot:.1f}', notes, 0,
                          link, FRAMEWORK.get(fw, ''), ''])


if __name__ == '__main__':
    main()
