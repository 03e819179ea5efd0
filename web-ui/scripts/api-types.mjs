// Generates the API's TypeScript types from the services' OpenAPI documents, which the Maven
// build writes to <service>/target/openapi/ (quarkus.smallrye-openapi.store-schema-directory).
// The output folder is git-ignored: the types are never written by hand nor committed.
// TESTTRACK_OPENAPI_BASE (e.g. http://localhost) reads /q/openapi of running services instead.
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const out = resolve(here, '../src/lib/api/generated');
const services = { auth: ['auth-service', 8081], testcase: ['testcase-service', 8082], execution: ['execution-service', 8083] };

async function source(module, port) {
  const base = process.env.TESTTRACK_OPENAPI_BASE;
  if (base) {
    const res = await fetch(`${base}:${port}/q/openapi?format=json`);
    if (!res.ok) throw new Error(`${module}: GET /q/openapi answered ${res.status}`);
    return JSON.parse(await res.text());
  }
  const file = resolve(repo, module, 'target/openapi/openapi.json');
  try {
    await access(file);
  } catch {
    throw new Error(`${file} is missing: build the services first (mvn -B package -DskipTests at the repository root)`);
  }
  return JSON.parse(await readFile(file, 'utf8'));
}

await mkdir(out, { recursive: true });
for (const [name, [module, port]] of Object.entries(services)) {
  const doc = await source(module, port);
  const ast = await openapiTS(doc, { enum: false, exportType: true });
  await writeFile(resolve(out, `${name}.ts`), `// Generated from ${module}'s OpenAPI document. Do not edit.\n${astToString(ast)}`);
}
console.log(`API types generated in ${out}`);
