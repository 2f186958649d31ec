'use strict';
/** cacheHandler in next.config.mjs: Next's route cache (rendered pages, route handlers), in every instance. */
const { tagState } = require('../tag-state.cjs');
const { listenForTagExpiries } = require('../tag-listener.cjs');
const { createIncrementalHandler } = require('./create-incremental-handler.cjs');

listenForTagExpiries();
module.exports = createIncrementalHandler(tagState());
