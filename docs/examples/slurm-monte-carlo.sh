#!/bin/bash
#SBATCH --job-name=corridor-mc
#SBATCH --array=0-31                 # 32 shards, contiguous indices
#SBATCH --cpus-per-task=8
#SBATCH --time=01:00:00
#SBATCH --output=logs/mc-%A_%a.log
# Each task solves its 31,250 samples on 8 threads; SIGTERM at the time limit still writes the part.
corridor sweep Scenarios/caspian-winter-risk.yaml --monte-carlo 1000000 --seed 2026 \
  --shard auto --threads "$SLURM_CPUS_PER_TASK" --quiet --output "parts/mc-$SLURM_ARRAY_TASK_ID.jsonl"
# Submit it, then merge the parts once every task has finished:
#   job=$(sbatch --parsable docs/examples/slurm-monte-carlo.sh)
#   sbatch --dependency=afterok:$job --wrap 'corridor merge parts/mc-*.jsonl --format json --output mc.json'
