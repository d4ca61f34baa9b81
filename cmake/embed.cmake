# uppsikt_embed(target dir glob): a static library holding every file in dir that matches
# glob, looked up by file name through embedded::find(name) (see src/core/embedded.h).
function(uppsikt_embed target dir glob)
  file(GLOB files CONFIGURE_DEPENDS ${dir}/${glob})
  set(out ${CMAKE_BINARY_DIR}/generated/${target}.cpp)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFILES="${files}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${glob} from ${dir}")
  add_library(${target} STATIC ${out})
  target_include_directories(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src)
endfunction()
