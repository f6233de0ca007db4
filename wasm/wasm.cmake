# The WebAssembly build: the ES module the page loads, and the test binary run under node.
# The module is built for web and worker only: under node, crosswire.js reads the .wasm and hands it
# over as wasmBinary, so the glue never needs node paths (its node code does not work as an ES module).
set(dist ${CMAKE_BINARY_DIR}/dist)

# The module: the bindings linked into `dist` (crosswire-core.js + .wasm, with crosswire.js, the data
# packs and their list crosswire-packs.js beside them). The heap grows on demand up to `max_memory`; a failed allocation aborts
# ("Aborted(OOM)", -sABORTING_MALLOC=1) instead of handing C++ a null pointer, and crosswire.js turns
# that into AnalyzerError("out_of_memory").
function(crosswire_wasm_module target dist max_memory)
  add_executable(${target} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/bindings.cc)
  target_link_libraries(${target} PRIVATE crosswire_core)
  target_include_directories(${target} PRIVATE ${CMAKE_SOURCE_DIR}/core)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME crosswire-core SUFFIX ".js"
                                             RUNTIME_OUTPUT_DIRECTORY ${dist})
  target_link_options(${target} PRIVATE
    --bind -O2
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createCrosswireCore
    -sENVIRONMENT=web,worker
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMAXIMUM_MEMORY=${max_memory}
    -sABORTING_MALLOC=1
    -sFILESYSTEM=0
    -sDYNAMIC_EXECUTION=0
    -sEXPORTED_RUNTIME_METHODS=[]
    -sINCOMING_MODULE_JS_API=[wasmBinary,locateFile,print,printErr])
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/crosswire.js ${dist}/crosswire.js
    COMMAND sh -c "rm -f ${dist}/crosswire-*.pack"
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CROSSWIRE_PACKS_DIR} ${dist}
    COMMENT "Assembling the wasm module in ${dist}")
  file(WRITE ${dist}/package.json "{\"type\": \"module\"}\n")
endfunction()

# 2 GiB: what browsers give a wasm32 memory everywhere (4 GiB is not), and what Options' default
# limits are sized for (README, BENCHMARKS.md).
crosswire_wasm_module(crosswire_wasm ${dist} 2147483648)
# The same module with a 64 MiB heap, only for tests/node/memory.test.mjs: it runs out of memory in
# seconds, so the out-of-memory path is tested on every run.
crosswire_wasm_module(crosswire_wasm_small_heap ${CMAKE_BINARY_DIR}/dist-small-heap 67108864)

# Node picks the module system from the nearest package.json: the test binary is CommonJS, the
# dist folder holds ES modules.
file(WRITE ${CMAKE_BINARY_DIR}/package.json "{\"type\": \"commonjs\"}\n")

# The test binary reads files (golden data, conformance files) straight from the host.
# Catch2 reports failures by throwing: the test binary needs exceptions, the core does not use them.
target_compile_options(crosswire_tests PRIVATE -fexceptions)
target_link_options(crosswire_tests PRIVATE -fexceptions)
target_link_options(crosswire_tests PRIVATE --pre-js ${CMAKE_CURRENT_LIST_DIR}/node-pre.js -O2 -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864
                                            -sEXIT_RUNTIME=1)
# Programs run under node load every pack's ICU data, each as a common data item of its own, as the
# module does (tests/wasm_icu_data.h).
string(REPLACE ";" ":" icu_data_files "${CROSSWIRE_ICU_DATA}")
target_compile_definitions(crosswire_tests PRIVATE CROSSWIRE_ICU_DATA_FILES="${icu_data_files}"
                                                   CROSSWIRE_TEST_GEN_DIR="${CROSSWIRE_GEN_DIR}")
add_test(NAME wasm_unit_tests COMMAND node ${CMAKE_BINARY_DIR}/crosswire_tests.js)

target_link_options(stage_bench PRIVATE --pre-js ${CMAKE_CURRENT_LIST_DIR}/node-pre.js -O2 -sNODERAWFS=1
                                        -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864 -sEXIT_RUNTIME=1)
target_compile_definitions(stage_bench PRIVATE CROSSWIRE_ICU_DATA_FILES="${icu_data_files}")
add_test(NAME wasm_stage_bench_smoke COMMAND node ${CMAKE_BINARY_DIR}/stage_bench.js ${stage_bench_args})
