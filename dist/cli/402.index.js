export const id = 402;
export const ids = [402];
export const modules = {

/***/ 4021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readStatement: () => (/* binding */ readStatement)
});

// UNUSED EXPORTS: MAX_STATEMENT_BYTES, parseStatement

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(2210);
;// CONCATENATED MODULE: ./schemas/lineage-statement.schema.json
const lineage_statement_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://github.com/lineage-gate/lineage-gate/schemas/lineage-statement.schema.json","title":"lineage-gate in-toto Statement","description":"An in-toto Statement v1 whose predicate is lineage-gate\'s lineage predicate (docs/attestation.md): `--format in-toto` of the CLI, `attestation-file` of the Action, read by `lineage-gate verify`.","type":"object","additionalProperties":false,"required":["_type","subject","predicateType","predicate"],"properties":{"_type":{"const":"https://in-toto.io/Statement/v1"},"subject":{"description":"Weight files (name: repository path) and lineage records (name: `pedigree:` + directory) by sha256.","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["name","digest"],"properties":{"name":{"type":"string","minLength":1},"digest":{"type":"object","additionalProperties":false,"required":["sha256"],"properties":{"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"}}},"mediaType":{"const":"application/vnd.lineage-gate.pedigree+json"}}}},"predicateType":{"const":"https://github.com/lineage-gate/lineage-gate/blob/main/docs/attestation.md#lineage-predicate-v1"},"predicate":{"type":"object","additionalProperties":false,"required":["tool","pedigreeVersion","result","failOn","counts","policy","changeSource","artifacts"],"properties":{"tool":{"type":"object","additionalProperties":false,"required":["name","version","uri"],"properties":{"name":{"const":"lineage-gate"},"version":{"type":"string"},"uri":{"type":"string"}}},"pedigreeVersion":{"const":"lineage-gate pedigree v1"},"result":{"enum":["pass","fail"]},"failOn":{"enum":["error","warning","never"]},"counts":{"type":"object","additionalProperties":false,"required":["artifacts","manifests","errors","warnings","notices","waived"],"properties":{"artifacts":{"type":"integer","minimum":0},"manifests":{"type":"integer","minimum":0},"errors":{"type":"integer","minimum":0},"warnings":{"type":"integer","minimum":0},"notices":{"type":"integer","minimum":0},"waived":{"type":"integer","minimum":0}}},"policy":{"type":"object","additionalProperties":false,"required":["file","digest"],"properties":{"file":{"type":["string","null"]},"digest":{"type":"object","additionalProperties":false,"required":["sha256"],"properties":{"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"}}}}},"changeSource":{"type":"string"},"artifacts":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["dir","status","pedigree","lineage"],"properties":{"dir":{"type":"string","minLength":1},"status":{"enum":["pass","fail"]},"pedigree":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"lineage":{"$ref":"#/$defs/lineage"}}}}}}},"$defs":{"upstream":{"type":"object","additionalProperties":false,"required":["role","kind","id","raw","revision","resolved","ancestors"],"properties":{"role":{"type":"string"},"kind":{"type":"string"},"id":{"type":["string","null"]},"raw":{"type":["string","null"]},"revision":{"type":["string","null"]},"resolved":{"type":["string","null"]},"ancestors":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","depth"],"properties":{"id":{"type":"string"},"depth":{"type":"integer","minimum":0}}}}}},"lineage":{"description":"The artifact\'s lineage record (docs/pedigree.md): its RFC 8785 JSON hashes to `pedigree`.","type":"object","additionalProperties":false,"required":["pedigree","upstreams","relations","license","attribution","training","weights","datasets"],"properties":{"pedigree":{"const":"lineage-gate pedigree v1"},"upstreams":{"type":"array","items":{"$ref":"#/$defs/upstream"}},"relations":{"type":"array","items":{"type":"string"}},"license":{"oneOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["id","name","link"],"properties":{"id":{"type":["string","null"]},"name":{"type":["string","null"]},"link":{"type":["string","null"]}}}]},"attribution":{"type":["string","null"]},"training":{"type":"object","additionalProperties":{"type":"array","items":{"type":["string","number"]}}},"weights":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name","sha256","size"],"properties":{"name":{"type":"string"},"sha256":{"oneOf":[{"type":"null"},{"type":"string","pattern":"^[0-9a-f]{64}$"}]},"size":{"type":["integer","null"],"minimum":0}}}},"datasets":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","raw","revision","resolved","license"],"properties":{"id":{"type":["string","null"]},"raw":{"type":["string","null"]},"revision":{"type":["string","null"]},"resolved":{"type":["string","null"]},"license":{"type":["string","null"]}}}},"dataMix":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["path","weight","optional","sampleRate"],"properties":{"path":{"type":"string"},"weight":{"type":["number","null"]},"optional":{"type":"boolean"},"sampleRate":{"type":["number","null"]}}}}}}}}');
// EXTERNAL MODULE: ./src/config-error.ts
var config_error = __webpack_require__(2386);
;// CONCATENATED MODULE: ./src/verify/statement.ts
/**
 * Reading a lineage statement for `lineage-gate verify`: bounded, parsed, and checked against
 * schemas/lineage-statement.schema.json, so every later step can trust its shape. A statement is
 * someone else's file: anything else is a clear error, never a crash or a silent pass.
 */




/** actions/attest accepts predicates up to 16 MB; a statement is that plus its subjects. */
const MAX_STATEMENT_BYTES = 32 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 3;
let validator;
function validate() {
    validator ??= new _2020.Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true }).compile(lineage_statement_schema_namespaceObject);
    return validator;
}
/** The statement at `file` (`shown` is how the user wrote it), or a ConfigError saying what is wrong. */
function readStatement(file, shown) {
    let text;
    try {
        const size = (0,external_node_fs_.statSync)(file).size;
        if (size > MAX_STATEMENT_BYTES) {
            throw new config_error/* ConfigError */.x(`${shown} is ${size} bytes; a statement may be at most ${MAX_STATEMENT_BYTES} bytes.`);
        }
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (err instanceof config_error/* ConfigError */.x)
            throw err;
        throw new config_error/* ConfigError */.x(`cannot read the statement ${shown}: ${err.code ?? err}.`);
    }
    return parseStatement(text.replace(/^\uFEFF/, ''), shown);
}
function parseStatement(text, shown) {
    let value;
    let illFormed;
    try {
        // A lone surrogate (`"\ud800"`) is valid JSON but no text the gate writes: RFC 8785 refuses it.
        value = JSON.parse(text, (key, v) => {
            if (illFormed === undefined && (!key.isWellFormed() || (typeof v === 'string' && !v.isWellFormed())))
                illFormed = key;
            return v;
        });
    }
    catch (err) {
        throw new config_error/* ConfigError */.x(`${shown} is not JSON: ${err.message}.`);
    }
    if (illFormed !== undefined)
        throw new config_error/* ConfigError */.x(`${shown} holds text that is not well-formed Unicode (a lone surrogate, at key ${JSON.stringify(illFormed)}): ` +
            'it is not a statement lineage-gate wrote.');
    const check = validate();
    if (!check(value)) {
        const problems = (check.errors ?? [])
            .slice(0, MAX_PROBLEMS_SHOWN)
            .map((e) => `${e.instancePath || '(top)'} ${e.message}`)
            .join('; ');
        throw new config_error/* ConfigError */.x(`${shown} is not a lineage-gate in-toto Statement (schemas/lineage-statement.schema.json): ${problems}.`);
    }
    return value;
}


/***/ })

};

//# sourceMappingURL=402.index.js.map