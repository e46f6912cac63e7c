// CSV sources: Azure Migrate's import template (its own header spellings, `*` on mandatory
// columns, several disks, utilisation) row by row; dependency lists in dcplan's columns and in
// Azure Migrate's dependency export, resolved from server names and addresses to systems; and a
// file saved in the wrong encoding, refused at its first bad byte.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsvText } from "../../../inventory/import/csv.js";
import { loadInventorySync } from "../../../inventory/load.js";
import { baseInventory, dcplanImport, serversOf, stripDir, tempFile, yamlOf } from "./helpers.js";

const AZURE = `*Server name,IP addresses,*Cores,*Memory (In MB),*OS name,OS version,OS architecture,Server type,Hypervisor,CPU utilization percentage,Memory utilization percentage,Network adapters,Number of disks,Storage in use (In GB),Disk 1 size (In GB),Disk 1 read throughput (MB per second),Disk 2 size (In GB),Disk 3 size (In GB),Host
bn-sa-yte-01.syt.local,10.1.5.11,16,65536,Windows Server 2012 R2,,x64,Physical,,22,58,2,2,1944,600,5,1800,,
bn-sa-tc-01,"10.1.5.12, 10.1.5.13",20,131072,Windows Server 2016,,x64,Physical,,31,63,2,1,2088,3600,,,,
bn-app-vm-01,10.1.6.20,4,16384,Ubuntu,22.04,x64,Virtual,VMware,44.5,71,1,2,150,100,,200,,bn-esx-01
`;

describe("dcplan import --from csv", () => {
  it("imports Azure Migrate's template row by row", async () => {
    const inv = baseInventory({ "hosts.yaml": "servers:\n  - { id: bn-esx-01, site: dc-bn, kind: physical, cpuCores: 48, memoryGiB: 768 }\n" });
    const file = tempFile("azure-migrate.csv");
    writeFileSync(file, `\uFEFF${AZURE}`);
    const r = await dcplanImport([file, "--from", "csv", "--site", "dc-bn", "--out", inv]);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    const servers = serversOf(join(inv, "csv-dc-bn.yaml"));
    expect(servers.get("bn-sa-yte-01-syt-local")).toMatchObject({ kind: "physical", cpuCores: 16, memoryGiB: 64, storageGiB: 2400, usage: { cpuPct: 22, memoryPct: 58, storageUsedPct: 81 }, os: { name: "Windows Server", version: "2012 R2" }, "x-source": { ips: ["10.1.5.11"], name: "bn-sa-yte-01.syt.local" } });
    expect(servers.get("bn-sa-tc-01")).toMatchObject({ cpuCores: 20, memoryGiB: 128, storageGiB: 3600, usage: { storageUsedPct: 58 }, "x-source": { ips: ["10.1.5.12", "10.1.5.13"] } });
    expect(servers.get("bn-app-vm-01")).toMatchObject({ kind: "virtual", hostedOn: "bn-esx-01", cpuCores: 4, memoryGiB: 16, storageGiB: 300, usage: { cpuPct: 44.5, memoryPct: 71, storageUsedPct: 50 }, os: { name: "Ubuntu", version: "22.04" } });
    expect(readFileSync(join(inv, "csv-dc-bn.yaml"), "utf8")).toContain("  # source: azure-migrate.csv line 2\n  - id: bn-sa-yte-01-syt-local\n");
    loadInventorySync(inv, { asOf: "2026-11-30" });
  });

  it("adds dependencies from dcplan's CSV and Azure Migrate's dependency export to the systems of the servers named", async () => {
    const inv = baseInventory({
      "estate.yaml": `servers:
  - { id: bn-esx-01, site: dc-bn, kind: physical, cpuCores: 48, memoryGiB: 768 }
  - { id: bn-his-app, site: dc-bn, kind: virtual, hostedOn: bn-esx-01, cpuCores: 8, memoryGiB: 32, vmName: HIS-APP, x-source: { ips: ["10.1.6.21"] } }
  - { id: bn-his-db, site: dc-bn, kind: virtual, hostedOn: bn-esx-01, cpuCores: 8, memoryGiB: 64, x-source: { ips: ["10.1.6.22"] } }
  - { id: bn-lgsp, site: dc-bn, kind: virtual, hostedOn: bn-esx-01, cpuCores: 4, memoryGiB: 16 }
systems:
  - id: his
    name: HIS
    owner: so-yte
    function: hospital-information
    securityLevel: 3
    servers: [bn-his-app]
    dependsOn:
      - { target: lgsp, coupling: loose, port: 8443 }  # viết tay
  - { id: his-db, name: CSDL HIS, owner: so-yte, function: hospital-information-db, securityLevel: 3, servers: [bn-his-db] }
  - { id: lgsp, name: LGSP, owner: so-khcn, function: lgsp, securityLevel: 3, servers: [bn-lgsp] }
`,
    });
    const own = tempFile("dependencies.csv");
    writeFileSync(own, "source,target,port,protocol,coupling\nhis,ndxp,443,tcp,\nHIS-APP,10.1.6.22,5432,,\nhis,unknown-thing,80,,\n");
    const azure = join(own, "..", "azure-dependencies.csv");
    writeFileSync(
      azure,
      [
        "Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port",
        "2026-11-20T00:00,HIS-APP,10.1.6.21,HIS,java.exe,bn-lgsp,10.1.6.30,LGSP,nginx,8443",
        "2026-11-20T01:00,HIS-APP,10.1.6.21,HIS,java.exe,bn-lgsp,10.1.6.30,LGSP,nginx,8443",
        "2026-11-20T01:00,bn-lgsp,10.1.6.30,LGSP,java,,10.1.6.22,,postgres,5432",
        "2026-11-20T01:00,bn-his-db,10.1.6.22,,postgres,bn-his-db,10.1.6.22,,postgres,5432",
      ].join("\r\n"),
    );
    const before = readFileSync(join(inv, "estate.yaml"), "utf8");
    const r = await dcplanImport([own, azure, "--from", "csv", "--site", "dc-bn", "--out", inv]);
    expect(r.err).toBe("");
    const after = readFileSync(join(inv, "estate.yaml"), "utf8");
    expect(after).toBe(
      before
        .replace("      - { target: lgsp, coupling: loose, port: 8443 }  # viết tay\n", "      - { target: lgsp, coupling: loose, port: 8443 }  # viết tay\n      - { target: ndxp, coupling: loose, port: 443, protocol: tcp }\n      - { target: his-db, coupling: tight, port: 5432 }\n")
        .replace("servers: [bn-lgsp] }", "servers: [bn-lgsp], dependsOn: [{ target: his-db, coupling: tight, port: 5432 }] }"),
    );
    expect(r.out).toContain('dependency his → unknown-thing not imported: "unknown-thing" is no system, external, or server that a system lists');
    expect(yamlOf(join(inv, "estate.yaml")).systems).toHaveLength(3);
    loadInventorySync(inv, { asOf: "2026-11-30" });
  });

  it("refuses a CSV saved in Windows-1258, naming the line and column of the first bad byte; exit 2, nothing written", async () => {
    const inv = baseInventory();
    const file = tempFile("may-chu.csv");
    // "Máy chủ Sở Y tế" in Windows-1258: á = 0xE1, ủ = u + 0xD2 (combining hook), Ở = 0xD4 + 0xD2…
    const header = Buffer.from("Server name,Cores,Memory (In MB),OS name\n", "latin1");
    const row = Buffer.concat([Buffer.from("bn-sa-01,8,16384,Windows\nM", "latin1"), Buffer.from([0xe1]), Buffer.from("y chu,4,8192,Linux\n", "latin1")]);
    writeFileSync(file, Buffer.concat([header, row]));
    const r = await dcplanImport([file, "--from", "csv", "--site", "dc-bn", "--out", inv]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(stripDir(r.err, file.replace(/\/[^/]+$/, ""))).toMatchInlineSnapshot(`
      "may-chu.csv:3:2: not UTF-8 text (byte 0xE1): the file was saved in another code page (Windows-1258, TCVN3…); save it as "CSV UTF-8 (Comma delimited)"
      "
    `);
    expect(readFileSync(join(inv, "sites.yaml"), "utf8")).toContain("dc-bn");
  });

  it("decodes UTF-8 with a byte-order mark and UTF-16, and parses quotes, semicolons and line breaks in fields", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Tên\tSố\nSở Y tế\t1\n", "utf16le")]);
    expect(decodeCsv("f.csv", utf16).text).toBe("Tên\tSố\nSở Y tế\t1\n");
    expect(decodeCsv("f.csv", Buffer.from("\uFEFFa,b\n", "utf8")).text).toBe("a,b\n");
    const t = parseCsvText('Tên;Ghi chú\n"Sở ""Y"" tế";"dòng 1\ndòng 2"\n');
    expect(t.separator).toBe(";");
    expect(t.rows[0].map((f) => f.value)).toEqual(['Sở "Y" tế', "dòng 1\ndòng 2"]);
    expect(t.rows[0][1]).toMatchObject({ line: 2, col: 15 });
  });
});
