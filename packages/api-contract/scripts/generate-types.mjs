// Generates the web client's types from the committed OpenAPI document, formatted as the repository formats code.
// Used by `npm run openapi` and by the drift test (which writes to a temporary file and compares).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.resolve(process.argv[2] ?? path.join(packageDir, 'src/schema.d.ts'));
const document = JSON.parse(fs.readFileSync(path.join(packageDir, 'openapi.json'), 'utf8'));

const header = '// Generated from openapi.json by scripts/generate-types.mjs. Do not edit: run `npm run openapi`.\n';
const source = header + astToString(await openapiTS(document));
const options = (await prettier.resolveConfig(path.join(packageDir, 'src/schema.d.ts'))) ?? {};
fs.writeFileSync(output, await prettier.format(source, { ...options, parser: 'typescript' }));
