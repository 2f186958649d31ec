'use strict';
/** cacheHandlers.default in next.config.mjs: what 'use cache' stores through, in every instance. */
const { tagState } = require('../tag-state.cjs');
const { listenForTagExpiries } = require('../tag-listener.cjs');
const { createUseCacheHandler } = require('./create-use-cache-handler.cjs');

listenForTagExpiries();
module.exports = createUseCacheHandler(tagState());
