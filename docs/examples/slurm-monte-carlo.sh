#!/bin/bash
#SBATCH --job-name=corridor-mc
#SBATCH --array=0-31                 # 32 shards, contiguous indices
#SBATCH --cpus-per-task=8
#SBATCH --time=01:00:00
#SBATCH --output=logs/mc-%A_%a.log
# Each task solves its 31,250 samples on 8 threads; SIGTERM at the time limit still writes the part.
# CI runs this script on a single-node Slurm (scripts/slurm-check): CORRIDOR_MC_SAMPLES=2000 and
# sbatch --array=0-3 --cpus-per-task=1, options on the command line overriding the lines above.
corridor sweep Scenarios/caspian-winter-risk.yaml --monte-carlo "${CORRIDOR_MC_SAMPLES:-1000000}" --seed 2026 \
  --shard auto --threads "$SLURM_CPUS_PER_TASK" --quiet --output "parts/mc-$SLURM_ARRAY_TASK_ID.jsonl"
# Submit it from the folder that holds Scenarios/, logs/ and parts/, then merge the parts once every
# task has finished:
#   mkdir -p logs parts
#   job=$(sbatch --parsable docs/examples/slurm-monte-carlo.sh)
#   sbatch --dependency=afterok:$job --wrap 'corridor merge parts/mc-*.jsonl --format json --output mc.json'
