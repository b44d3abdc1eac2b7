export const id = 227;
export const ids = [227];
export const modules = {

/***/ 6227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isOwnUrl: () => (/* binding */ isOwnUrl)
/* harmony export */ });
/* harmony import */ var _knowledge_data_generated_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5242);

/** Every https URL the built-in license knowledge cites (license texts, family tables): the gate's own. */
const OWN_URLS = new Set(JSON.stringify(_knowledge_data_generated_js__WEBPACK_IMPORTED_MODULE_0__/* .LICENSE_DATA */ .H).match(/https:\/\/[^\s"\\]+/g) ?? []);
/**
 * Whether a URL in a message is one the gate ships (and so may be rendered as a link). A URL from
 * a manifest or a policy file is PR content: renderers show it as inert text.
 */
function isOwnUrl(url) {
    return OWN_URLS.has(url);
}


/***/ })

};

//# sourceMappingURL=227.index.js.map