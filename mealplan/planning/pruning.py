"""Keep the model small on big catalogues: a pool of promising candidates per slot.

Why each group is kept (docs/planner.md, "Pruning"):
- top by a mix of gut score, fibre density and live cultures: what the objective wants;
- live-culture recipes up to a cap: the daily live-culture target needs them;
- the best from each energy band and the most fibre-rich per serving: energy and fibre targets;
- recipes that bring plant species the pool lacks, until it offers `species_goal` species
  (all of them when None): the weekly plant target;
- locked recipes are added by the model itself.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from mealplan.planning.types import Candidate


@dataclass(frozen=True)
class PoolSize:
    """How much of each group to keep per slot."""

    top: int = 25
    live_cap: int = 8
    energy_bands: int = 6
    per_band: int = 1
    top_fiber: int = 4
    species_factor: float | None = 2.0  # species goal = factor x plants_per_week; None: every species

    def scaled(self, factor: int) -> PoolSize:
        return replace(
            self,
            top=self.top * factor,
            live_cap=self.live_cap * factor,
            per_band=self.per_band * factor,
            top_fiber=self.top_fiber * factor,
            species_factor=None,
        )


def fiber_density(candidate: Candidate) -> float:
    """Grams of fibre per 1000 kcal; tiny recipes count as 50 kcal so density stays finite."""
    return 1000 * candidate.fiber_g / max(candidate.energy_kcal, 50.0)


def promise(candidate: Candidate) -> float:
    """How much the objective and the targets are likely to want this recipe (bigger is better)."""
    return (
        candidate.gut_score / 100
        + 0.5 * min(fiber_density(candidate) / 20, 1.5)
        + 0.5 * min(candidate.live_culture_servings, 1.0)
    )


def _ranked(candidates: Sequence[Candidate]) -> list[Candidate]:
    # Ties broken by id so the pool, and so the plan, is the same on every run.
    return sorted(candidates, key=lambda c: (-promise(c), c.id))


def _slot_core(candidates: Sequence[Candidate], size: PoolSize) -> dict[int, Candidate]:
    ranked = _ranked(candidates)
    keep = {c.id: c for c in ranked[: size.top]}
    keep.update((c.id, c) for c in [c for c in ranked if c.live_culture_servings > 0][: size.live_cap])
    by_energy = sorted(candidates, key=lambda c: (c.energy_kcal, c.id))
    band_length = max(1, -(-len(by_energy) // size.energy_bands))
    for start in range(0, len(by_energy), band_length):
        keep.update((c.id, c) for c in _ranked(by_energy[start : start + band_length])[: size.per_band])
    keep.update((c.id, c) for c in sorted(candidates, key=lambda c: (-c.fiber_g, c.id))[: size.top_fiber])
    return keep


def prune(
    full_pools: Mapping[str, Sequence[Candidate]], size: PoolSize, plants_per_week: int
) -> dict[str, list[Candidate]]:
    """A smaller pool per slot (each sorted by id); a slot with few candidates keeps them all."""
    kept = {slot: _slot_core(pool, size) for slot, pool in full_pools.items()}
    offered = {species for pool in full_pools.values() for c in pool for species in c.plant_species}
    have = {species for pool in kept.values() for c in pool.values() for species in c.plant_species}
    goal = len(offered) if size.species_factor is None else min(len(offered), size.species_factor * plants_per_week)

    # Greedy set cover, lazily re-scored: add the recipe that brings the most missing species.
    heap = []
    for slot, pool in full_pools.items():
        for candidate in pool:
            if candidate.id not in kept[slot]:
                gain = len(candidate.plant_species - have)
                if gain:
                    heap.append((-gain, -promise(candidate), candidate.id, slot, candidate))
    heapq.heapify(heap)
    while heap and len(have) < goal:
        neg_gain, neg_promise, recipe_id, slot, candidate = heapq.heappop(heap)
        gain = len(candidate.plant_species - have)
        if gain == 0:
            continue
        if gain < -neg_gain:
            heapq.heappush(heap, (-gain, neg_promise, recipe_id, slot, candidate))
            continue
        kept[slot][recipe_id] = candidate
        have |= candidate.plant_species
    return {slot: sorted(pool.values(), key=lambda c: c.id) for slot, pool in kept.items()}
