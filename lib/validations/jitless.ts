import { z } from 'zod';

// Schemas also run in the browser, where the CSP forbids eval: skip zod's `new Function` probe
// (caught, but reported as a violation). Import this before any schema is built.
z.config({ jitless: true });
