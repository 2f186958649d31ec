/** Import rules for `npm run lint`: lib/ and components/ never reach up into app/, and no two folders of lib/ import each other. */
module.exports = {
  forbidden: [
    {
      name: 'no-app-from-lib-or-components',
      comment: 'app/ composes lib/ and components/; an arrow back up makes a page and its data depend on each other.',
      severity: 'error',
      from: { path: '^(lib|components)/' },
      to: { path: '^app/' },
    },
    {
      name: 'no-folder-cycles-in-lib',
      comment: 'Folders of lib/ form a hierarchy: one that imports another is never imported back, even through a third.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { path: '^lib/', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^lib/generated/', '\\.test\\.tsx?$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
