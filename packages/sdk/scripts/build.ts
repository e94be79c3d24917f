// Builds the browser SDK with esbuild into dist/: centric.js (the script tag: IIFE, minified,
// global `centric`), centric.esm.js (ESM for bundlers and <script type="module">) and
// centric-widgets.js (the widgets of src/widgets, loaded lazily by render()). Each file is
// written to a temporary name and renamed, so a server reading dist never sees half a file.
//   npm run build --workspace @centric/sdk        (or: node --import tsx packages/sdk/scripts/build.ts)
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SDK_SOURCE_DIR = join(root, 'src');
export const SDK_DIST_DIR = join(root, 'dist');

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface SdkBuildReport {
  outDir: string;
  files: BuiltFile[];
  /** Bundles not built, with the reason (the widgets before src/widgets/index.ts exists). */
  skipped: string[];
  ms: number;
}

const common: BuildOptions = {
  bundle: true,
  write: false,
  minify: true,
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  banner: { js: '/*! Centric browser SDK | Apache-2.0 */' },
};

/**
 * @example const report = await buildSdk(); // report.files[0] = { file: 'centric.js', bytes, gzipBytes }
 */
export async function buildSdk({ outDir = SDK_DIST_DIR }: { outDir?: string } = {}): Promise<SdkBuildReport> {
  const started = Date.now();
  const bundles: { file: string; options: BuildOptions }[] = [
    { file: 'centric.js', options: { entryPoints: [join(SDK_SOURCE_DIR, 'browser.ts')], format: 'iife' } },
    { file: 'centric.esm.js', options: { entryPoints: [join(SDK_SOURCE_DIR, 'index.ts')], format: 'esm' } },
  ];
  const skipped: string[] = [];
  const widgetsDir = join(SDK_SOURCE_DIR, 'widgets');
  if (existsSync(join(widgetsDir, 'index.ts'))) {
    bundles.push({
      file: 'centric-widgets.js',
      options: {
        // Loaded as a plain script: the bundle hands its entry point to the tracker's render().
        stdin: {
          contents:
            "import { renderDecision } from './index';\n(globalThis as { CentricWidgets?: unknown }).CentricWidgets = { renderDecision };\n",
          resolveDir: widgetsDir,
          sourcefile: 'centric-widgets-entry.ts',
          loader: 'ts',
        },
        format: 'iife',
      },
    });
  } else {
    skipped.push('centric-widgets.js: packages/sdk/src/widgets/index.ts does not exist yet');
  }

  mkdirSync(outDir, { recursive: true });
  const files: BuiltFile[] = [];
  for (const { file, options } of bundles) {
    const result = await build({ ...common, ...options });
    const code = result.outputFiles?.[0]?.contents;
    if (!code) throw new Error(`esbuild produced no output for ${file}`);
    const target = join(outDir, file);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, target);
    files.push({ file, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
  }
  return { outDir, files, skipped, ms: Date.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const report = await buildSdk();
  for (const f of report.files)
    process.stdout.write(`${basename(report.outDir)}/${f.file}  ${f.bytes} B  (${f.gzipBytes} B gzipped)\n`);
  for (const s of report.skipped) process.stdout.write(`skipped ${s}\n`);
}
