// What a migrated VM asks of its namespace's ResourceQuota on KubeVirt, and what the migration
// itself needs there while it runs. Figures from the upstream sources (release tags), so the quota
// admits exactly what the controllers will create:
//
// - KubeVirt v1.9.0, pkg/hypervisor/kvm/hypervisorbackend.go `GetMemoryOverhead`: the virt-launcher
//   pod requests the guest memory plus an overhead of 25 + 100 + 25 + 40 + 30 MiB (launcher monitor,
//   launcher, virtlogd, virtqemud, qemu) + 8 MiB per vCPU + 8 MiB (IO thread) + 32 MiB (video) + the
//   page tables (guest memory / 512).
// - pkg/virt-controller/services/renderresources.go: CPU requests are vCPUs / cpuAllocationRatio
//   (default 10, pkg/virt-config); when the namespace's quota sets `limits.cpu` the CPU limit is the
//   vCPU count, and when it sets `limits.memory` the memory limit is the request times the
//   namespace label `alpha.kubevirt.io/auto-memory-limits-ratio` (default 2; dcplan sets 1.0, as
//   memory is never overcommitted).
// - Forklift v2.12.5, pkg/settings/migration.go: the virt-v2v conversion pod requests 1 CPU / 1 GiB
//   with limits 4 CPU / 8 GiB; CDI's importer pods (default podResourceRequirements) request 100m /
//   60M with limits 750m / 600M. Forklift converts a plan's VMs in parallel, so the quota leaves room
//   for one conversion and one importer per VM.
// - CDI: a Filesystem-mode volume is requested as disk / (1 - 0.055) (global filesystemOverhead).
import type { Size } from "../../planner/plan-schema.js";

/** KubeVirt's default cpuAllocationRatio: a vCPU requests a tenth of a core. */
export const CPU_ALLOCATION_RATIO = 10;

/** Namespace label that sets the memory limit / request ratio of VM pods. */
export const AUTO_MEMORY_LIMITS_RATIO_LABEL = "alpha.kubevirt.io/auto-memory-limits-ratio";

/** CDI's default filesystem overhead of a Filesystem-mode volume. */
export const FILESYSTEM_OVERHEAD = 0.055;

/** What one running VM's virt-launcher pod asks for. */
export interface VmPodResources {
  /** vCPUs given to the guest. */
  readonly vcpus: number;
  /** CPU request, millicores. */
  readonly cpuRequestMillis: number;
  /** CPU limit, millicores. */
  readonly cpuLimitMillis: number;
  /** Memory request = limit, MiB (guest memory + overhead). */
  readonly memoryMiB: number;
  /** Guest memory, MiB. */
  readonly guestMemoryMiB: number;
}

/** vCPUs of a right-sized target (whole, at least 1). */
export function vcpusOf(target: Size): number {
  return Math.max(1, Math.ceil(target.cpuCores - 1e-9));
}

/** Guest memory of a right-sized target, MiB (whole, at least 256). */
export function guestMemoryMiB(target: Size): number {
  return Math.max(256, Math.ceil(target.memoryGiB * 1024 - 1e-6));
}

/** KubeVirt's memory overhead of a VM, MiB (rounded up). */
export function memoryOverheadMiB(vcpus: number, guestMiB: number): number {
  return 25 + 100 + 25 + 40 + 30 + 8 * vcpus + 8 + 32 + Math.ceil(guestMiB / 512);
}

/** The virt-launcher pod's resources for a VM of this target size. */
export function vmPodResources(target: Size): VmPodResources {
  const vcpus = vcpusOf(target);
  const guest = guestMemoryMiB(target);
  return {
    vcpus,
    cpuRequestMillis: Math.ceil((vcpus * 1000) / CPU_ALLOCATION_RATIO),
    cpuLimitMillis: vcpus * 1000,
    memoryMiB: guest + memoryOverheadMiB(vcpus, guest),
    guestMemoryMiB: guest,
  };
}

/** Room one VM's migration needs in its namespace while it runs: a virt-v2v conversion pod and a CDI importer. */
export const MIGRATION_ALLOWANCE = {
  cpuRequestMillis: 1000 + 100,
  cpuLimitMillis: 4000 + 750,
  /** 1 GiB + 60 MB. */
  memoryRequestMiB: 1024 + 58,
  /** 8 GiB + 600 MB. */
  memoryLimitMiB: 8192 + 573,
} as const;

/** Storage a disk of `diskGiB` requests from its storage class, GiB (rounded up). */
export function volumeRequestGiB(diskGiB: number, volumeMode: "Filesystem" | "Block"): number {
  const raw = volumeMode === "Filesystem" ? diskGiB / (1 - FILESYSTEM_OVERHEAD) : diskGiB;
  return Math.ceil(raw - 1e-6);
}
