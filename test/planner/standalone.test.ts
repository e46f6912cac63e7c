// Stand-alone servers folded into the shared infrastructure (planner/standalone.ts, seed 003 §3a):
// their systems move in a wave even at the target site, the servers are switched off, never kept
// or relocated for their capacity; only a system people pinned to retain keeps one running.
import { describe, expect, it } from "vitest";
import { loadInventory } from "../../inventory/load.js";
import { planMigration } from "../../planner/plan.js";
import { host, inventoryOf, planOf, serverOf, sys, systemOf, vm } from "./fixtures.js";
import { checkInvariants } from "./invariants.js";

/** A department's stand-alone server at `site` (tagged), out of the shared pool. */
const standalone = (id: string, site = "dc-bn", over = {}) => host(id, { site, cpuCores: 16, memoryGiB: 64, storageGiB: 2000, tags: ["prod", "standalone"], supportEnds: "2030-06-30", ...over });

describe("stand-alone servers", () => {
  it("moves a system off a stand-alone server at the target site onto its shared VMs in a wave, then switches the server off", () => {
    const inv = inventoryOf([sys("ngan-sach", ["bn-sa-tc-01"]), sys("stays", ["bn-vm"])], [standalone("bn-sa-tc-01"), vm("bn-vm", "bn-host", { site: "dc-bn" })]);
    const plan = planOf(inv);
    const s = systemOf(plan, "ngan-sach");
    expect(s).toMatchObject({ disposition: "rehost", platform: "virtual-machine", targetSite: "dc-bn", wave: 1 });
    expect(s.reasons[0]).toBe(
      "runs on stand-alone server bn-sa-tc-01 at the target site dc-bn: it moves onto the site's shared virtual machines, with central storage and backup, so the server can be switched off (the Provincial People's Committee's letter of March 2026, §3a: remove or integrate stand-alone servers)",
    );
    expect(plan.translations?.vi[s.reasons[0]]).toMatch(/^đang chạy trên máy chủ riêng lẻ tại Bắc Ninh: chuyển lên hạ tầng máy ảo dùng chung/);
    const w = plan.waves[0];
    expect(w.servers).toContain("bn-sa-tc-01");
    const srv = serverOf(plan, "bn-sa-tc-01");
    expect(srv).toMatchObject({ fate: "decommission", freedOn: w.end, standalone: true });
    expect(srv.reasons[0]).toMatch(/^stand-alone server: its last workload leaves on \d{4}-\d{2}-\d{2}; its workload now runs on the shared infrastructure of dc-bn/);
    expect(systemOf(plan, "stays").disposition).toBe("retain");
    expect(plan.summary.standaloneServersRemaining).toBe(0);
    // Not shared capacity: its cores count neither as capacity nor as use.
    const withoutIt = planOf(inventoryOf([sys("stays", ["bn-vm"])], [vm("bn-vm", "bn-host", { site: "dc-bn" })]));
    expect(plan.capacity[0].cpuCores).toBe(withoutIt.capacity[0].cpuCores);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("replatforms a container-ready system on one, and switches off one that runs no system from the start", () => {
    const inv = inventoryOf([sys("k8s-ready", ["bn-sa-1"], { containerReady: true })], [standalone("bn-sa-1"), standalone("bn-sa-files")]);
    const plan = planOf(inv);
    expect(systemOf(plan, "k8s-ready")).toMatchObject({ disposition: "replatform", platform: "shared-kubernetes" });
    expect(serverOf(plan, "bn-sa-files")).toMatchObject({ fate: "decommission", freedOn: "2026-11-22", decommissionOn: "2026-12-22" });
    expect(serverOf(plan, "bn-sa-files").reasons).toEqual(["stand-alone server running no system listed in the inventory: copy its files to the central storage of dc-bn and switch it off"]);
    expect(checkInvariants(inv, plan)).toEqual([]);
  });

  it("keeps one only for a system people pinned to retain, and says so", () => {
    const inv = inventoryOf([sys("kept", ["bn-sa-1"], { disposition: "retain" })], [standalone("bn-sa-1")]);
    const plan = planOf(inv);
    expect(systemOf(plan, "kept").disposition).toBe("retain");
    expect(serverOf(plan, "bn-sa-1")).toMatchObject({ fate: "retain", targetSite: "dc-bn" });
    expect(serverOf(plan, "bn-sa-1").reasons).toEqual(["stand-alone server kept: it runs kept, which people pinned to retain in the inventory"]);
    expect(plan.translations?.vi[serverOf(plan, "bn-sa-1").reasons[0]]).toBe("máy chủ riêng lẻ được giữ lại: đang chạy Hệ thống kept, hệ thống được cán bộ chỉ định giữ nguyên trong danh mục");
    expect(plan.summary.standaloneServersRemaining).toBe(1);
  });

  it("switches off a stand-alone server at the closing site even when it is still in support, where a shared host would be relocated", () => {
    const inv = inventoryOf([sys("a", ["bg-sa-1"]), sys("b", ["bg-h2"])], [standalone("bg-sa-1", "dc-bg"), host("bg-h2", { supportEnds: "2030-06-30" })]);
    const plan = planOf(inv);
    expect(serverOf(plan, "bg-sa-1").fate).toBe("decommission");
    expect(serverOf(plan, "bg-sa-1").reasons[0]).toMatch(/^stand-alone server: its last workload leaves on .*switched off rather than kept or relocated/);
    expect(serverOf(plan, "bg-h2").fate).toBe("relocate");
    expect(checkInvariants(inv, plan)).toEqual([]);
  });
});

const loaded = await loadInventory("inventory/sample", { asOf: "2026-11-30", locateWarnings: false });

describe("the sample's stand-alone servers", () => {
  const plan = planMigration(loaded, {}, "2026-11-30");

  it("are all folded in: none remains, each is switched off after its systems moved, and the reasons say why", () => {
    expect(plan.summary.standaloneServersRemaining).toBe(0);
    const servers = plan.servers.filter((s) => s.standalone);
    expect(servers.map((s) => s.id)).toEqual(["bg-sa-ct-01", "bg-sa-gddt-01", "bg-sa-p-bac-giang-01", "bg-sa-p-chu-01", "bg-sa-x-hiep-hoa-01", "bg-sa-xd-01", "bn-sa-nnmt-01", "bn-sa-p-kinh-bac-01", "bn-sa-p-tu-son-01", "bn-sa-tc-01", "bn-sa-x-gia-binh-01", "bn-sa-x-tien-du-01", "bn-sa-yte-01"]);
    for (const s of servers) {
      expect(s.fate).toBe("decommission");
      expect(s.reasons[0]).toMatch(/^stand-alone server/);
      for (const id of s.systems) {
        const sys = plan.systems.find((x) => x.id === id)!;
        if (sys.wave !== undefined) expect(plan.waves[sys.wave - 1].end <= s.freedOn!).toBe(true);
      }
    }
    for (const id of ["ngan-sach", "kcb-xa-cu", "csdl-dat-dai-bn"]) expect(systemOf(plan, id).disposition).toBe("rehost");
    expect(checkInvariants(loaded.inventory, plan)).toEqual([]);
  });
});
