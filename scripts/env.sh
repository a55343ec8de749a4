# Sourced by the scripts: the environment the Debian toolchain needs (see TOOLCHAIN notes in
# README). emcc's optimizer needs Debian's acorn, which Node 20 finds only through NODE_PATH.
# EM_CACHE/EM_CONFIG must stay unset: Debian ships a frozen, prebuilt system-library cache.
export NODE_PATH=/usr/share/nodejs
unset EM_CACHE EM_CONFIG
export SHALLOWSIM_NATIVE_BUILD=build/native
export SHALLOWSIM_WASM_BUILD=build/wasm
