import { readdirSync } from 'node:fs';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Service } from 'kubernetes-models/v1';
import { SUBGRAPH_NAMES } from '@welfare-hub/schema';
import { ROLES, readRepoFile, repoPath, subgraphPort, yamlDocuments, yamlFile } from './support/files.js';
import { startProblems } from './support/config.js';
import type { Role } from '@welfare-hub/launcher';
import { startLiveParts, type LiveParts } from './support/live-paths.js';
import { configureLog } from '@welfare-hub/telemetry';

configureLog('silent');

const DIR = 'deploy/kubernetes';

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface Container {
  name: string;
  image?: string;
  args?: string[];
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
  }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[] };
  };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string }[];
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  tcpSocket?: { port: string | number };
  exec?: { command: string[] };
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
}
interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Workload extends Resource {
  spec: { replicas?: number; selector: Selector; template: { metadata: { labels: Labels }; spec: PodSpec } };
}
interface Policy extends Resource {
  spec: {
    podSelector: Selector;
    policyTypes?: string[];
    ingress?: {
      from?: { podSelector?: Selector; namespaceSelector?: Selector; ipBlock?: unknown }[];
      ports?: { port: number; endPort?: number }[];
    }[];
  };
}

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Service': Service,
};

/** A label selector, as the API server reads it. */
function selects(selector: Selector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = key(labels, e.key);
    if (e.operator === 'In' && !(has && e.values!.includes(labels[e.key]!))) return false;
    if (e.operator === 'NotIn' && has && e.values!.includes(labels[e.key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
const key = (labels: Labels, k: string): boolean => Object.prototype.hasOwnProperty.call(labels, k);

const kustomization = yamlFile(`${DIR}/kustomization.yaml`) as {
  namespace: string;
  resources: string[];
  images: { name: string }[];
  secretGenerator: { name: string; files: string[] }[];
  configMapGenerator: { name: string; files: string[] }[];
};
const resources: Resource[] = kustomization.resources.flatMap((file) => yamlDocuments(`${DIR}/${file}`) as unknown as Resource[]);
const workloads = resources.filter((r) => ['Deployment', 'StatefulSet', 'Job'].includes(r.kind)) as Workload[];
const deployments = workloads.filter((w) => w.kind === 'Deployment');
const policies = resources.filter((r) => r.kind === 'NetworkPolicy') as Policy[];
const containersOf = (w: Workload): Container[] => w.spec.template.spec.containers;
const roleOf = (c: Container): string | undefined => (c.args?.[0] === '--role' ? c.args[1] : undefined);
const deploymentOf = (role: string): Workload => {
  const found = deployments.filter((d) => containersOf(d).some((c) => roleOf(c) === role));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const podLabels = (w: Workload): Labels => w.spec.template.metadata.labels;
/** The keys each generated Secret or ConfigMap has: `key=path` entries, or the file's name. */
const generated = (generators: { name: string; files: string[] }[]): Map<string, Set<string>> =>
  new Map(generators.map((g) => [g.name, new Set(g.files.map((f) => (f.includes('=') ? f.split('=')[0]! : f.split('/').pop()!)))]));

describe('the Kubernetes manifests', () => {
  it('list every manifest of the folder, and only those', () => {
    const files = readdirSync(repoPath(DIR)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('are each valid against the Kubernetes schema of its kind', () => {
    expect(resources.length).toBeGreaterThan(20);
    for (const resource of resources) {
      const Model = MODELS[`${resource.apiVersion}/${resource.kind}`];
      expect(`${resource.apiVersion}/${resource.kind} ${Model ? 'known' : 'unknown'}`).toBe(`${resource.apiVersion}/${resource.kind} known`);
      expect(() => new Model!(resource as never).validate()).not.toThrow();
    }
  });

  it('catch an invalid manifest (the check can fail)', () => {
    const gateway = structuredClone(deploymentOf('gateway'));
    (gateway.spec as { replicas: unknown }).replicas = 'two';
    expect(() => new Deployment(gateway as never).validate()).toThrow(/replicas/);
  });

  it('run each role the launcher knows in exactly one Deployment, and nothing it does not know', () => {
    const roles = deployments.flatMap((d) => containersOf(d).map(roleOf)).filter((r): r is string => r !== undefined);
    expect([...roles].sort()).toEqual([...ROLES].sort());
    for (const d of deployments) for (const c of containersOf(d)) expect(c.image).toBe(kustomization.images[0]!.name);
    const job = workloads.find((w) => w.kind === 'Job')!;
    expect(containersOf(job)[0]!.command).toEqual(['node', 'launcher/dist/migrate.js']);
    // The migration's entry is the launcher's (built from launcher/src/migrate.ts).
    expect(readRepoFile('launcher/src/migrate.ts')).toContain('allMigrations');
  });

  it('give the gateway two replicas or more under a disruption budget', () => {
    const gateway = deploymentOf('gateway');
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    const budgets = resources.filter((r) => r.kind === 'PodDisruptionBudget') as (Resource & {
      spec: { selector: Selector; minAvailable?: number };
    })[];
    const budget = budgets.find((b) => selects(b.spec.selector, podLabels(gateway)));
    expect(budget).toBeDefined();
    expect(budget!.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(budget!.spec.minAvailable).toBeLessThan(gateway.spec.replicas!);
  });

  it('reference only secrets, config keys and claims that exist', () => {
    const secrets = generated(kustomization.secretGenerator);
    const configMaps = generated(kustomization.configMapGenerator);
    for (const cm of resources.filter((r) => r.kind === 'ConfigMap')) configMaps.set(cm.metadata.name, new Set(Object.keys(cm.data ?? {})));
    const claims = new Set(resources.filter((r) => r.kind === 'PersistentVolumeClaim').map((r) => r.metadata.name));
    let secretRefs = 0;
    for (const w of workloads) {
      const volumes = new Set((w.spec.template.spec.volumes ?? []).map((v) => v.name));
      for (const v of w.spec.template.spec.volumes ?? []) if (v.persistentVolumeClaim) expect(claims).toContain(v.persistentVolumeClaim.claimName);
      for (const c of containersOf(w)) {
        for (const m of c.volumeMounts ?? []) if (w.kind !== 'StatefulSet' || m.name !== 'data') expect(volumes).toContain(m.name);
        for (const e of c.env ?? []) {
          const s = e.valueFrom?.secretKeyRef;
          if (s) {
            secretRefs++;
            expect(`${s.name}/${s.key} ${secrets.get(s.name)?.has(s.key) ? 'exists' : 'missing'}`).toBe(`${s.name}/${s.key} exists`);
          }
          const m = e.valueFrom?.configMapKeyRef;
          if (m) expect(`${m.name}/${m.key} ${configMaps.get(m.name)?.has(m.key) ? 'exists' : 'missing'}`).toBe(`${m.name}/${m.key} exists`);
          // A secret is never written into a manifest.
          if (/KEY|SECRET|PASSWORD|DATABASE_URL|DB_URL/.test(e.name) && !e.name.startsWith('HUB_SUBGRAPH')) expect(e.value).toBeUndefined();
        }
      }
    }
    expect(secretRefs).toBeGreaterThanOrEqual(8);
    // The secret files stay out of git and out of the image.
    for (const g of [...kustomization.secretGenerator, ...kustomization.configMapGenerator])
      for (const f of g.files) expect(f.split('=').pop()).toMatch(/^secrets\//);
    expect(readRepoFile('.gitignore')).toContain('deploy/kubernetes/secrets/');
    expect(readRepoFile('.dockerignore')).toContain('deploy/kubernetes/secrets');
  });

  it('give every role an environment its own configuration accepts in production (secrets by reference)', () => {
    const config = resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === 'welfare-hub-config')!;
    expect(config.data!['mode']).toBe('production');
    for (const role of ROLES) {
      const container = containersOf(deploymentOf(role))[0]!;
      const env: Record<string, string> = {};
      const secrets: string[] = [];
      for (const e of container.env ?? []) {
        const from = (e as { valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: unknown } }).valueFrom;
        if (from?.secretKeyRef) secrets.push(e.name);
        else if (from?.configMapKeyRef) {
          const map = resources.find((r) => r.kind === 'ConfigMap' && r.metadata.name === from.configMapKeyRef!.name);
          // A config map kustomize generates from an operator's file (the context public key) is handed over as one.
          if (map) env[e.name] = String(map.data![from.configMapKeyRef.key]);
          else secrets.push(e.name);
        } else env[e.name] = e.value ?? '';
      }
      expect([role, startProblems(role as Role, env, secrets)]).toEqual([role, []]);
    }
  });

  it("let the gateway reach each subgraph at a Service on that subgraph's port", () => {
    const gateway = containersOf(deploymentOf('gateway'))[0]!;
    const services = resources.filter((r) => r.kind === 'Service') as (Resource & {
      spec: { selector: Labels; ports: { port: number; targetPort: string | number }[] };
    })[];
    for (const name of SUBGRAPH_NAMES) {
      const url = new URL(gateway.env!.find((e) => e.name === `HUB_SUBGRAPH_URL_${name.toUpperCase()}`)!.value!);
      expect(Number(url.port)).toBe(subgraphPort(name));
      const service = services.find((s) => s.metadata.name === url.hostname)!;
      expect(service).toBeDefined();
      const pods = deploymentOf(name);
      expect(selects({ matchLabels: service.spec.selector }, podLabels(pods))).toBe(true);
      // The Service selects that subgraph's pods and no other workload's.
      expect(workloads.filter((w) => selects({ matchLabels: service.spec.selector }, podLabels(w)))).toEqual([pods]);
      const port = service.spec.ports.find((p) => p.port === subgraphPort(name))!;
      const container = containersOf(pods)[0]!;
      expect(container.ports!.find((p) => p.name === port.targetPort)!.containerPort).toBe(subgraphPort(name));
    }
  });

  it('run nothing as root, escalate nothing, write nothing into the image, and bound every container', () => {
    for (const w of workloads) {
      const pod = w.spec.template.spec;
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        for (const kind of ['requests', 'limits'] as const) expect(Object.keys(c.resources?.[kind] ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('probe every long-running container, the gateway on paths it answers', async () => {
    const live: LiveParts = await startLiveParts();
    try {
      for (const w of workloads.filter((x) => x.kind !== 'Job')) {
        for (const c of containersOf(w)) {
          expect(c.livenessProbe).toBeDefined();
          expect(c.readinessProbe).toBeDefined();
          for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe].filter((p): p is Probe => p !== undefined)) {
            if (probe.httpGet) {
              expect(roleOf(c)).toBe('gateway');
              // Not 404: the path exists (readiness is 503 here, with no subgraph running).
              expect([200, 503]).toContain(await live.gateway(probe.httpGet.path));
            }
            // A subgraph's /health needs the gateway's signature (an HTTP probe would get 401): it is probed on its port.
            if (roleOf(c) && roleOf(c) !== 'gateway') expect(probe.tcpSocket?.port).toBe('graphql');
          }
        }
      }
      expect(await live.gateway('/health/live')).toBe(200);
      expect(await live.subgraph('/health')).toBe(401);
    } finally {
      await live.close();
    }
  });

  describe('network policy', () => {
    const gatewayPods = podLabels(deploymentOf('gateway'));
    const subgraphPods = SUBGRAPH_NAMES.map((n) => podLabels(deploymentOf(n)));
    const databasePods = podLabels(workloads.find((w) => w.kind === 'StatefulSet')!);
    const migrationPods = podLabels(workloads.find((w) => w.kind === 'Job')!);
    const allPods = workloads.map(podLabels);
    /** Who may open a connection to pods with these labels: the union of every policy that selects them. */
    const admitted = (labels: Labels): { peers: Labels[]; anyone: boolean; ports: { port: number; endPort?: number }[] } => {
      const peers = new Set<Labels>();
      let anyone = false;
      const ports: { port: number; endPort?: number }[] = [];
      for (const p of policies.filter((x) => (x.spec.policyTypes ?? ['Ingress']).includes('Ingress') && selects(x.spec.podSelector, labels))) {
        for (const rule of p.spec.ingress ?? []) {
          ports.push(...(rule.ports ?? []));
          if (!rule.from || rule.from.length === 0) anyone = true;
          for (const peer of rule.from ?? []) {
            if (peer.namespaceSelector || peer.ipBlock || !peer.podSelector) anyone = true;
            else for (const pod of allPods) if (selects(peer.podSelector, pod)) peers.add(pod);
          }
        }
      }
      return { peers: [...peers], anyone, ports };
    };

    it('denies every flow by default', () => {
      const deny = policies.find(
        (p) =>
          Object.keys(p.spec.podSelector).length === 0 &&
          !p.spec.ingress &&
          p.spec.policyTypes?.includes('Ingress') &&
          p.spec.policyTypes.includes('Egress'),
      );
      expect(deny).toBeDefined();
    });

    it('lets only the gateway reach the subgraphs, on their ports', () => {
      for (const [i, pods] of subgraphPods.entries()) {
        const { peers, anyone, ports } = admitted(pods);
        expect(anyone).toBe(false);
        expect(peers).toEqual([gatewayPods]);
        expect(ports.some((p) => p.port <= subgraphPort(SUBGRAPH_NAMES[i]!) && subgraphPort(SUBGRAPH_NAMES[i]!) <= (p.endPort ?? p.port))).toBe(true);
      }
    });

    it('lets only the subgraphs and the migration reach PostgreSQL', () => {
      const { peers, anyone } = admitted(databasePods);
      expect(anyone).toBe(false);
      expect(new Set(peers)).toEqual(new Set([...subgraphPods, migrationPods]));
    });

    it('catches a policy that lets anyone in (the check can fail)', () => {
      const open: Policy = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'open' },
        spec: { podSelector: { matchLabels: { 'app.kubernetes.io/component': 'subgraph' } }, policyTypes: ['Ingress'], ingress: [{}] },
      };
      policies.push(open);
      try {
        expect(admitted(subgraphPods[0]!).anyone).toBe(true);
      } finally {
        policies.pop();
      }
    });
  });
});
