// Values of the MetalLB chart (0.16.1) in FRR mode: the speaker runs FRR beside it, which is what
// supports the TCP-MD5 passwords of the BGP sessions to the TSLCD provider-edge routers. The chart's
// default in 0.16 is the frr-k8s backend, with FRR mode kept but deprecated; dcplan uses FRR mode
// because its every value (images included, for the internal registry) is in the vendored chart,
// while the frr-k8s sub-chart's values are not. CRDs from the chart's crds sub-chart. Pure.
import { sortKeys } from "../objects.js";
import { fromRegistry, IMAGES, imageRepository, imageTag } from "./charts.js";

/** What the MetalLB values depend on. */
export interface MetallbValuesInput {
  /** Internal registry [upstream registries]. */
  readonly imageRegistry?: string;
}

function image(ref: string, registry: string | undefined): { repository: string; tag: string } {
  const r = fromRegistry(ref, registry);
  return { repository: imageRepository(r), tag: imageTag(r) };
}

/** The values file of the MetalLB release. */
export function metallbValues(input: MetallbValuesInput): Record<string, unknown> {
  const r = input.imageRegistry;
  return sortKeys({
    controller: { image: image(IMAGES.metallbController, r) },
    speaker: {
      image: image(IMAGES.metallbSpeaker, r),
      frr: { enabled: true, image: image(IMAGES.frr, r) },
    },
    frrk8s: { enabled: false },
    crds: { enabled: true },
  });
}
