/* tandem-journey-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-journey-figure.h"

G_BEGIN_DECLS

typedef enum
{
  TANDEM_IMAGE_FORMAT_PNG,
  TANDEM_IMAGE_FORMAT_SVG,
  TANDEM_IMAGE_FORMAT_PDF,
} TandemImageFormat;

/**
 * TandemJourneyExportOptions:
 * @show: which maps
 * @arrangement: how two maps are placed
 * @png_scale: pixels per point for PNG; 0 for the default (2, sharp on slides and screens)
 */
typedef struct
{
  TandemJourneyShow        show;
  TandemJourneyArrangement arrangement;
  double                   png_scale;
} TandemJourneyExportOptions;

char    *tandem_journey_describe_map     (TandemJourney                    *journey,
                                          TandemJourneyMap                 *map);
gboolean tandem_image_format_for_file    (GFile                            *file,
                                          TandemImageFormat                *format);
const char *tandem_image_format_get_suffix (TandemImageFormat              format);
GFile   *tandem_image_file_for_format    (GFile                            *file,
                                          TandemImageFormat                 format);
void     tandem_journey_export_options_init (TandemJourneyExportOptions   *options);
GBytes  *tandem_journey_render           (TandemJourney                    *journey,
                                          TandemImageFormat                 format,
                                          const TandemJourneyExportOptions *options,
                                          GError                          **error);
gboolean tandem_journey_export           (TandemJourney                    *journey,
                                          GFile                            *file,
                                          const TandemJourneyExportOptions *options,
                                          GError                          **error);
void     tandem_journey_export_to_file_async  (TandemJourney                    *journey,
                                               GFile                            *file,
                                               const TandemJourneyExportOptions *options,
                                               GCancellable                     *cancellable,
                                               GAsyncReadyCallback               callback,
                                               gpointer                          user_data);
gboolean tandem_journey_export_to_file_finish (GAsyncResult                     *result,
                                               GError                          **error);

G_END_DECLS
