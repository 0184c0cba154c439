/** npm run template-schema — writes src/templates/template.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { templateJsonSchema } from '../src/core/template/json-schema';

const out = path.resolve(__dirname, '..', 'src', 'templates', 'template.schema.json');
writeFileSync(out, templateJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
