import base from './playwright.config';
export default { ...base, projects: base.projects!.map((p) => (p.name === 'multi-instance' ? { ...p, dependencies: ['setup'] } : p)) };
