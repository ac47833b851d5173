# Generates traces/viewer_assets.hpp (in the build tree) from the viewer's page, stylesheet
# and script, and adds it to ilv_traces; editing an asset regenerates it.
set(ilv_viewer_dir ${CMAKE_CURRENT_LIST_DIR})
set(ilv_viewer_header ${PROJECT_BINARY_DIR}/generated/traces/viewer_assets.hpp)
add_custom_command(
  OUTPUT ${ilv_viewer_header}
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${ilv_viewer_dir} -DOUTPUT=${ilv_viewer_header}
          -P ${ilv_viewer_dir}/embed_assets.cmake
  DEPENDS ${ilv_viewer_dir}/viewer.html ${ilv_viewer_dir}/viewer.css ${ilv_viewer_dir}/viewer.js
          ${ilv_viewer_dir}/embed_assets.cmake
  COMMENT "Embedding the HTML viewer's assets")
target_sources(ilv_traces PRIVATE ${ilv_viewer_header})
target_include_directories(ilv_traces PRIVATE ${PROJECT_BINARY_DIR}/generated)
