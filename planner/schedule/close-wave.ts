// Closing a wave: buying what is missing, then recording the wave.
//
// When the wave's use at the target site exceeds its capacity (only possible once procured
// hardware can arrive in time, see window.ts), the deficit is bought in whole steps — 16 cores,
// 64 GiB of memory, 1 TiB of storage, each counted at its usable share after the headroom — by the
// day before the wave. Racks (whole, 42 U) and power (whole kW) are bought only for a wave that
// brings hardware in the short dimension. Then the wave is recorded, the pilots get their note,
// and the closing-site hosts its systems left are freed (hosts.ts), which may plan relocations.
import { addDays } from "../dates.js";
import { joinMessages, type Message, MSG } from "../messages.js";
import { addFootprint, RACK_UNITS_PER_RACK, usableShare } from "../capacity.js";
import { addSize, fitsIn } from "../sizing.js";
import { type FootprintPurchase, HIGH_SECURITY_LEVEL, PILOT_WAVES, round1 } from "./types.js";
import type { OpenWave, ScheduleRun } from "./window.js";

/** Buys what the wave lacks, then records it as the next draft wave and frees the hosts its systems left. */
export function closeWave(run: ScheduleRun, wave: OpenWave): void {
  buyShortfall(run, wave);
  const { hosts, state, findings, waves, units } = run;
  hosts.fpUsed = wave.waveFp;
  hosts.raisePeak(hosts.fpUsed);
  run.used = wave.waveUsed;
  run.usedAfter.push(run.used);
  const number = waves.length + 1;
  if (number <= PILOT_WAVES) wave.notes.unshift(findings.say(MSG.pilotNote({ wave: number, level: HIGH_SECURITY_LEVEL })));
  waves.push({ number, window: wave.win, units: wave.members, systems: wave.nSystems, dataGiB: round1(wave.data), notes: wave.notes });
  for (const ui of wave.members) {
    state.traces[ui].wave = number;
    hosts.systemsLeft(units[ui].systems, wave.win.end, wave.w);
  }
}

/** Adds a procurement entry (compute, and racks or power where the wave brings hardware short of them) when the wave does not fit; raises capacity and limits by what it adds. */
function buyShortfall(run: ScheduleRun, wave: OpenWave): void {
  const { profile } = run.input;
  const { hosts, findings } = run;
  const { waveUsed, waveFp } = wave;
  const capacity = run.capacity;
  const fpLimit = hosts.fpLimit;
  const share = usableShare(profile.headroomPct);
  const computeShort = !fitsIn(waveUsed, capacity);
  // Racks and power are bought only for a wave that brings hardware in the short dimension.
  const racksShort = waveFp.rackUnits > hosts.fpUsed.rackUnits && waveFp.rackUnits > fpLimit.rackUnits;
  const powerShort = waveFp.watts > hosts.fpUsed.watts && waveFp.watts > fpLimit.watts;
  const footprintShort = racksShort || powerShort;
  if (!computeShort && !footprintShort) return;
  const deficit = { cpuCores: Math.max(0, waveUsed.cpuCores - capacity.cpuCores), memoryGiB: Math.max(0, waveUsed.memoryGiB - capacity.memoryGiB), storageGiB: Math.max(0, waveUsed.storageGiB - capacity.storageGiB) };
  const cores = buyUnits(deficit.cpuCores, profile.cpuOvercommit * share, 16);
  const memory = buyUnits(deficit.memoryGiB, share, 64);
  const storage = buyUnits(deficit.storageGiB, share, 1024);
  const adds = { cpuCores: Math.floor(cores * profile.cpuOvercommit * share), memoryGiB: Math.floor(memory * share), storageGiB: Math.floor(storage * share) };
  run.capacity = addSize(capacity, adds);
  const by = addDays(wave.win.start, -1);
  const number = run.waves.length + 1;
  const reasons: Message[] = [];
  if (computeShort) {
    reasons.push(
      MSG.procurementReason({
        wave: number,
        start: wave.win.start,
        cpu: round1(waveUsed.cpuCores),
        memory: round1(waveUsed.memoryGiB),
        storage: round1(waveUsed.storageGiB),
        headroomPct: profile.headroomPct,
        cores,
        vcpus: cores * profile.cpuOvercommit,
        overcommit: profile.cpuOvercommit,
        buyMemory: memory,
        buyStorage: storage,
        by,
      }),
    );
  }
  let footprint: FootprintPurchase | undefined;
  if (footprintShort) {
    // Whole racks; power in whole kW, of which the headroom share stays unused.
    const racks = racksShort ? Math.ceil((waveFp.rackUnits - fpLimit.rackUnits) / RACK_UNITS_PER_RACK) : 0;
    const powerKw = powerShort ? buyUnits(waveFp.watts - fpLimit.watts, 1000 * share, 1) : 0;
    const fpAdds = { rackUnits: racks * RACK_UNITS_PER_RACK, watts: Math.floor(powerKw * 1000 * share) };
    reasons.push(
      MSG.procurementFootprint({
        wave: number,
        start: wave.win.start,
        rackUnits: waveFp.rackUnits,
        rackUnitsHave: fpLimit.rackUnits,
        watts: waveFp.watts,
        wattsHave: fpLimit.watts,
        headroomPct: profile.headroomPct,
        racks,
        powerKw,
        by,
      }),
    );
    hosts.fpLimit = addFootprint(fpLimit, fpAdds);
    footprint = { racks, powerKw, adds: fpAdds };
  }
  run.procurement.push({
    by,
    cpuCores: cores,
    memoryGiB: memory,
    storageGiB: storage,
    vcpus: cores * profile.cpuOvercommit,
    adds,
    reason: findings.say(joinMessages(reasons)),
    ...(footprint ? { footprint } : {}),
  });
  wave.notes.push(findings.say(MSG.needsProcurementNote({ by })));
}

/** Raw amount to buy, in steps of `step`, so that floor(raw × perUnit) ≥ deficit. */
function buyUnits(deficit: number, perUnit: number, step: number): number {
  if (deficit <= 1e-9) return 0;
  let raw = Math.ceil(deficit / perUnit / step) * step;
  while (Math.floor(raw * perUnit) < deficit) raw += step;
  return raw;
}
