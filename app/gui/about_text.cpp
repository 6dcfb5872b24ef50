#include "app/gui/about_text.h"

#include <vtkVersion.h>

#include <QCoreApplication>

#include "backend/core/process_info.h"
#include "backend/core/provenance.h"
#include "backend/system/torch_runtime.h"

namespace routescope::gui {

QString aboutText() {
  const auto runtime = system::describeRuntime();
  return QStringLiteral(
             "<h3>RouteScope %1</h3><p>%2</p><table>"
             "<tr><td>Qt</td><td>%3</td></tr>"
             "<tr><td>LibTorch</td><td>%4</td></tr>"
             "<tr><td>VTK</td><td>%5</td></tr>"
             "<tr><td>%6</td><td>%7</td></tr>"
             "<tr><td>%8</td><td>%9</td></tr></table>")
      .arg(QString::fromStdString(core::appVersion()),
           QCoreApplication::translate("About", "A desktop lab for routing studies."),
           QString::fromLatin1(qVersion()), QString::fromStdString(runtime.libtorch_version),
           QString::fromLatin1(vtkVersion::GetVTKVersion()),
           QCoreApplication::translate("About", "BLAS in use"),
           QString::fromStdString(core::loadedBlasLibrary()), QCoreApplication::translate("About", "CUDA"),
           runtime.cuda_available ? QString::fromStdString(runtime.cuda_devices)
                                  : QCoreApplication::translate("About", "not available"));
}

}  // namespace routescope::gui
