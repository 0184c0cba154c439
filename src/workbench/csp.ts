/**
 * Imported first by the workbench entry: the page's Content-Security-Policy forbids eval, so
 * zod must not probe `new Function` for its JIT (the probe fails and the browser logs it).
 * Schemas are parsed while modules load (the template definition), hence a module of its own.
 */
import { config } from 'zod';

config({ jitless: true });
